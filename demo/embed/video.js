// Stand-in for a third-party video player: like the real ones it sets its own
// viewer cookie and reports a view. It is only ever loaded inside the gated
// <iframe data-consent="marketing:video">.
(function () {
  'use strict';
  if (document.cookie.indexOf('vid_uid=') < 0) {
    document.cookie = 'vid_uid=' + Math.floor(Math.random() * 1e12) + '; Max-Age=15552000; Path=/; SameSite=Lax';
  }
  try {
    var calls = (window.parent.__calls = window.parent.__calls || []);
    calls.push({ tag: 'video', what: 'load', t: window.parent.performance.now() });
  } catch (e) { /* cross-origin parent: nothing to record */ }
  navigator.sendBeacon('/embed/ping?ev=view');
})();

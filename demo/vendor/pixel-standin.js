/*
 * A local stand-in for the Meta Pixel (fbevents.js), served from this site
 * only. It defines `fbq`, sets the `_fbp` first-party cookie on the highest
 * domain it can (as the real pixel does) and beacons each event to `/pixel`.
 * The site loads it only after marketing consent; it records what it did in
 * `window.__calls`.
 */
(function () {
  'use strict';
  var calls = (window.__calls = window.__calls || []);
  calls.push({ tag: 'pixel', what: 'load', t: performance.now() });
  var pixelId = null;

  function setCookie(name, value, maxAgeSeconds) {
    var host = location.hostname;
    var parts = host.split('.');
    if (!/^[\d.]+$/.test(host) && parts.length > 1) {
      for (var i = parts.length - 2; i >= 0; i--) {
        var domain = '.' + parts.slice(i).join('.');
        document.cookie = name + '=' + value + '; Max-Age=' + maxAgeSeconds + '; Path=/; Domain=' + domain + '; SameSite=Lax';
        if (document.cookie.indexOf(name + '=' + value) >= 0) return;
      }
    }
    document.cookie = name + '=' + value + '; Max-Age=' + maxAgeSeconds + '; Path=/; SameSite=Lax';
  }

  if (document.cookie.indexOf('_fbp=') < 0) {
    setCookie('_fbp', 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e10), 90 * 86400);
  }

  function fbq(command, a, b) {
    calls.push({ tag: 'pixel', what: command, arg: a, t: performance.now() });
    if (command === 'init') pixelId = a;
    else if (command === 'track' && pixelId) {
      var params = new URLSearchParams({ id: pixelId, ev: a, dl: location.pathname });
      if (b) params.set('cd', JSON.stringify(b));
      navigator.sendBeacon('/pixel?' + params.toString());
    }
  }
  var queued = window.fbq && window.fbq.queue ? window.fbq.queue : [];
  window.fbq = fbq;
  queued.forEach(function (args) { fbq.apply(null, args); });
})();

// Functional: remembers the "Larger text" setting in the `prefs` cookie and
// in localStorage. Loaded only after functional consent; without it the
// button stays hidden and nothing is stored.
(function () {
  'use strict';
  var calls = (window.__calls = window.__calls || []);
  calls.push({ tag: 'prefs', what: 'load', t: performance.now() });
  var large = /(?:^|; )prefs=large/.test(document.cookie);
  document.documentElement.classList.toggle('text-large', large);

  function wire() {
    var button = document.querySelector('[data-textsize]');
    if (!button) return;
    button.setAttribute('aria-pressed', String(large));
    button.hidden = false;
    button.addEventListener('click', function () {
      large = !large;
      document.cookie = 'prefs=' + (large ? 'large' : 'normal') + '; Max-Age=31536000; Path=/; SameSite=Lax';
      localStorage.setItem('keyhold:prefs', JSON.stringify({ text: large ? 'large' : 'normal' }));
      document.documentElement.classList.toggle('text-large', large);
      button.setAttribute('aria-pressed', String(large));
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();

/*
 * A local stand-in for Google's gtag.js, served from this site only.
 * Like the real tag it reads `window.dataLayer`, replays what is queued there
 * and then hooks `dataLayer.push`. It honours Consent Mode v2: the `_ga` and
 * `_ga_<id>` cookies are set, and a hit is beaconed to `/collect`, only while
 * `analytics_storage` is `granted`. Like gtag.js it ignores entries that are
 * not `arguments` objects. Everything it sees goes into `window.__calls` so
 * the end-to-end tests can check the order of events.
 */
(function () {
  'use strict';
  var calls = (window.__calls = window.__calls || []);
  var script = document.currentScript;
  var srcId = script && script.src ? new URL(script.src).searchParams.get('id') : null;
  var consent = {};
  var configured = [];
  var sent = {};

  calls.push({ tag: 'gtag', what: 'load', id: srcId, t: performance.now() });

  function isArguments(entry) {
    return Object.prototype.toString.call(entry) === '[object Arguments]';
  }

  function granted(type) {
    return consent[type] === 'granted';
  }

  // gtag.js uses 'auto' cookie_domain: the highest domain a cookie can be set on.
  function setCookie(name, value, maxAgeSeconds) {
    var host = location.hostname;
    var parts = host.split('.');
    var isIp = /^[\d.]+$/.test(host) || host.indexOf(':') >= 0;
    if (!isIp && parts.length > 1) {
      for (var i = parts.length - 2; i >= 0; i--) {
        var domain = '.' + parts.slice(i).join('.');
        document.cookie = name + '=' + value + '; Max-Age=' + maxAgeSeconds + '; Path=/; Domain=' + domain + '; SameSite=Lax';
        if (document.cookie.indexOf(name + '=' + value) >= 0) return domain;
      }
    }
    document.cookie = name + '=' + value + '; Max-Age=' + maxAgeSeconds + '; Path=/; SameSite=Lax';
    return host;
  }

  function readCookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? m[1] : null;
  }

  // gcs=G1<ad_storage><analytics_storage>, as in real hits.
  function gcs() {
    return 'G1' + (granted('ad_storage') ? '1' : '0') + (granted('analytics_storage') ? '1' : '0');
  }

  function hit(id) {
    if (!granted('analytics_storage') || sent[id]) return;
    sent[id] = true;
    var now = Math.floor(Date.now() / 1000);
    var cid = readCookie('_ga');
    if (!cid) {
      cid = 'GA1.1.' + Math.floor(Math.random() * 2147483647) + '.' + now;
      setCookie('_ga', cid, 400 * 86400);
    }
    var sessionCookie = '_ga_' + id.replace(/^G-/, '');
    var domain = setCookie(sessionCookie, 'GS1.1.' + now + '.1.0.' + now + '.0.0.0', 400 * 86400);
    var params = new URLSearchParams({ v: '2', tid: id, gcs: gcs(), en: 'page_view', dt: document.title, dl: location.pathname });
    navigator.sendBeacon('/collect?' + params.toString());
    calls.push({ tag: 'gtag', what: 'hit', id: id, gcs: gcs(), cookieDomain: domain, t: performance.now() });
  }

  function handle(entry) {
    if (!isArguments(entry)) {
      calls.push({ tag: 'gtag', what: 'ignored-non-arguments', t: performance.now() });
      return;
    }
    var command = entry[0];
    if (command === 'consent' && (entry[1] === 'default' || entry[1] === 'update')) {
      var settings = entry[2] || {};
      for (var key in settings) if (/_storage$|^ad_/.test(key)) consent[key] = settings[key];
      calls.push({ tag: 'gtag', what: 'consent-' + entry[1], analytics_storage: consent.analytics_storage || null, ad_storage: consent.ad_storage || null, t: performance.now() });
      if (granted('analytics_storage')) configured.forEach(hit);
    } else if (command === 'config') {
      configured.push(entry[1]);
      calls.push({ tag: 'gtag', what: 'config', id: entry[1], analytics_storage: consent.analytics_storage || null, t: performance.now() });
      hit(entry[1]);
    } else if (command === 'js' || command === 'set' || command === 'event') {
      calls.push({ tag: 'gtag', what: command, analytics_storage: consent.analytics_storage || null, t: performance.now() });
    }
  }

  var dataLayer = (window.dataLayer = window.dataLayer || []);
  dataLayer.forEach(handle);
  var push = dataLayer.push;
  dataLayer.push = function () {
    var result = push.apply(dataLayer, arguments);
    for (var i = 0; i < arguments.length; i++) handle(arguments[i]);
    return result;
  };
})();

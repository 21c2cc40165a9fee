// The site's own page-speed measurement: Core Web Vitals from web-vitals,
// sent to our own collector. Loaded only after analytics consent (the page
// marks this script `data-consent="analytics:vitals"`).
import { onCLS, onINP, onLCP } from '/vendor/web-vitals.js';

const calls = (window.__calls = window.__calls || []);
calls.push({ tag: 'vitals', what: 'load', t: performance.now() });

function send(metric) {
  // web-vitals reports when the page is hidden or left, which may be after the
  // visitor withdrew analytics on this page: a running script cannot be
  // unloaded, so the site's own code asks before each send.
  if (!window.Consentry?.get('analytics', 'vitals')) return;
  calls.push({ tag: 'vitals', what: metric.name, value: metric.value, t: performance.now() });
  const body = JSON.stringify({
    name: metric.name,
    value: Math.round(metric.name === 'CLS' ? metric.value * 1000 : metric.value),
    rating: metric.rating,
    id: metric.id,
    page: location.pathname,
  });
  navigator.sendBeacon('/collect?v=vitals', new Blob([body], { type: 'application/json' }));
}

onCLS(send);
onINP(send);
onLCP(send);

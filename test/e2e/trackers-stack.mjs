// A shop page with two real analytics libraries from npm (posthog-js and
// mixpanel-browser) and a pixel, for the auto-blocking and withdrawal suite.
// One HTTP server on 127.0.0.1 answers for the site and, by Host header, for
// the trackers' host names (ph., mp., px.tracker.test), which every engine
// reaches on 127.0.0.1 (Chromium's resolver rule, Firefox's forced resolve,
// WebKit's loopback proxy: engines.mjs): their scripts and their collectors,
// which record every request. It also plays the demo server's part for the
// WebKit driver (a request log, init scripts first in <head>, page errors).
// E2E_DIST=<dir> serves another build at /dist/.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LAUNCHERS } from './engines.mjs';
import { ENGINE, repo } from './helpers.mjs';

const FIXTURES = path.join(repo, 'test/fixtures/trackers');
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.map': 'application/json' };
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** What the trackers' hosts serve as code (everything else there is a collector). */
const TRACKER_FILES = {
  '/posthog.js': 'node_modules/posthog-js/dist/array.full.no-external.js',
  '/init-posthog.js': 'test/fixtures/trackers/init-posthog.js',
  '/mixpanel.module.js': 'node_modules/mixpanel-browser/dist/mixpanel.module.js',
  '/init-mixpanel.mjs': 'test/fixtures/trackers/init-mixpanel.mjs',
};

/** The consent config of the page; `patch` edits it per test. */
export const trackerConfig = (patch = {}) => ({
  revision: 1,
  jurisdiction: 'GB',
  language: 'en',
  policy: { url: '/privacy', version: '2026-05-01' },
  categories: [
    {
      id: 'necessary',
      basis: 'strictly-necessary',
      title: 'Strictly necessary',
      description: 'Needed for the site to work.',
      services: [{ id: 'site', name: 'This website', cookies: [{ name: 'consentry', provider: 'this website', purpose: 'Remembers your choice.', duration: '6 months', justification: 'Keeps the record of the visitor’s choice.' }] }],
    },
    {
      id: 'analytics',
      basis: 'consent',
      title: 'Analytics',
      description: 'How the site is used.',
      services: [
        { id: 'posthog', name: 'PostHog', hosts: ['ph.tracker.test'], cookies: [{ name: 'ph_*', provider: 'PostHog', purpose: 'Distinguishes visitors.', duration: '1 year' }] },
        { id: 'mixpanel', name: 'Mixpanel', hosts: ['mp.tracker.test'], cookies: [{ name: 'mp_*', provider: 'Mixpanel', purpose: 'Distinguishes visitors.', duration: '1 year' }] },
      ],
    },
    {
      id: 'marketing',
      basis: 'consent',
      title: 'Marketing',
      description: 'Measures adverts.',
      services: [{ id: 'pixel', name: 'Conversion pixel', hosts: ['px.tracker.test'], cookies: [] }],
    },
  ],
  ...patch,
});

export async function startTrackerStack() {
  const source = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(repo, 'dist');
  if (!existsSync(path.join(source, 'head.js'))) throw new Error(`${source}/head.js is missing: run \`npx rollup -c\` first`);
  // A private copy, so a rebuild running meanwhile cannot pull files from under the browser.
  const dist = mkdtempSync(path.join(tmpdir(), 'consentry-trackers-dist-'));
  cpSync(source, dist, { recursive: true });
  /** Every request a tracker host received: { host, path, at }. */
  const hits = [];
  const pages = new Map();
  // For the WebKit driver, as the demo server keeps them.
  const requests = [];
  const pageErrors = [];
  let headHtml = null;
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url, 'http://x');
    requests.push({ t: Date.now(), host: req.headers.host ?? '', path: url.pathname, query: url.search });
    if (url.pathname === '/__e2e/page-error') {
      let text = '';
      req.on('data', (d) => (text += d));
      req.on('end', () => {
        pageErrors.push(text);
        res.writeHead(204).end();
      });
      return;
    }
    const send = (status, body, type = 'text/plain', headers = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    try {
      if (host.endsWith('.tracker.test')) {
        hits.push({ host, path: url.pathname + url.search, at: Date.now() });
        const file = TRACKER_FILES[url.pathname];
        if (file) return send(200, readFileSync(path.join(repo, file)), TYPES[path.extname(file)], { 'access-control-allow-origin': '*' });
        if (url.pathname === '/px.gif') return send(200, GIF, 'image/gif');
        // The collectors: answer like a collector that accepted the batch.
        const cors = {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-credentials': 'true',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
        };
        if (req.method === 'OPTIONS') return send(204, '', 'text/plain', cors);
        req.resume();
        return send(200, JSON.stringify({ status: 1 }), 'application/json', cors);
      }
      if (url.pathname.startsWith('/dist/')) {
        const file = path.join(dist, path.normalize(url.pathname.slice(6)));
        return send(200, readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
      }
      if (url.pathname === '/tag-manager.js') return send(200, readFileSync(path.join(FIXTURES, 'tag-manager.js')), TYPES['.js']);
      const page = pages.get(url.pathname);
      if (page) return send(200, headHtml ? page.replace('<head>', `<head>${headHtml()}`) : page, 'text/html');
      send(404, 'not found');
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  const origin = `http://127.0.0.1:${port}`;
  const stack = {
    engine: ENGINE,
    options: {},
    // Firefox and Chromium treat this origin as secure; nothing here uses it.
    parentDomainOrigin: `http://www.keyhold.test:${port}`,
    pageErrors,
    site: {
      origin,
      requests: () => requests,
      setHeadHtml: (fn) => (headHtml = fn),
    },
  };
  const browser = await LAUNCHERS[ENGINE](stack);
  const template = readFileSync(path.join(FIXTURES, 'page.html'), 'utf8');
  const trackerOrigin = (name) => `http://${name}.tracker.test:${port}`;

  return Object.assign(stack, {
    origin,
    hits,
    browser,
    trackerOrigin,
    /** Serves the shop page at `pathname` with this config and extra markup; returns its URL. */
    page(pathname, config = trackerConfig(), extra = '') {
      pages.set(
        pathname,
        template
          .replace('{{CONFIG}}', JSON.stringify(config).replace(/</g, '\\u003c'))
          .replaceAll('{{PH}}', trackerOrigin('ph'))
          .replaceAll('{{MP}}', trackerOrigin('mp'))
          .replaceAll('{{PX}}', trackerOrigin('px'))
          .replace('{{EXTRA}}', extra.replaceAll('{{PX}}', trackerOrigin('px'))),
      );
      return `http://127.0.0.1:${port}${pathname}`;
    },
    async close() {
      await browser.close().catch(() => {});
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      rmSync(dist, { recursive: true, force: true });
    },
  });
}

/** The tracker requests that are not their code: events, batches, pixels. */
export const endpointHits = (hits, since = 0) =>
  hits.filter((h) => h.at >= since && !Object.hasOwn(TRACKER_FILES, h.path.split('?')[0]));

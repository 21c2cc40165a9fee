#!/usr/bin/env node
// The demo site's server: node:http, no framework, 127.0.0.1 only.
//
//   node demo/server.mjs [--port 8080] [--csp] [--trusted-types] [--receipts URL]
//
// Serves demo/ at /, the build (dist/) at /dist/ and web-vitals' ESM build at
// /vendor/web-vitals.js. The stand-in trackers beacon to /collect, /pixel and
// /embed/ping; those hits are kept in memory and readable at /__log, which is
// what the end-to-end tests and the curious reader look at. With --csp every
// HTML response carries a strict Content-Security-Policy with a fresh nonce,
// which is also written onto the page's inline (gated) scripts.
//
// Tests import startDemoServer() and get a handle to change the config
// between page loads (revision bumps, receipts endpoint on a free port).
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stamped, validationStamp } from '../bin/stamp.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the stand-in trackers report to; every hit is logged. */
const BEACONS = new Set(['/collect', '/pixel', '/embed/ping']);

/**
 * Start the demo site.
 * @param {object} [options]
 * @param {number} [options.port] 0 (default) picks a free port.
 * @param {string} [options.host] Always 127.0.0.1 unless you know better.
 * @param {boolean} [options.csp] Send the strict CSP on HTML responses.
 * @param {boolean} [options.trustedTypes] Add `require-trusted-types-for 'script'` to it.
 * @param {string[]} [options.styleHashes] `'sha256-…'` sources added to its style-src (a pre-rendered banner's stylesheet).
 * @param {string} [options.receiptsUrl] Replaces `receipts.endpoint` in consent.json (and is allowed by `connect-src`).
 * @param {(config: any) => any} [options.config] Changes consent.json before it is served.
 * @param {string} [options.root] Directory served at / (default: demo/).
 * @param {Array<[string, string]>} [options.mounts] Extra [urlPrefix, directory] pairs, checked first.
 * @param {boolean} [options.noStore] `Cache-Control: no-store` on everything (benchmarks).
 * @param {boolean} [options.quiet] No request log on stdout.
 * @param {() => string} [options.headHtml] Markup put first in every page's <head> (the e2e suite's
 *   probes in engines without init scripts); its inline scripts get the nonce like the page's own.
 * @param {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void>} [options.handlers]
 *   Extra routes by exact path, checked before everything else (benchmarks stub `/receipts`).
 */
export async function startDemoServer(options = {}) {
  const {
    port = 0,
    host = '127.0.0.1',
    root = here,
    mounts = [],
    noStore = false,
  } = options;
  let csp = Boolean(options.csp);
  let trustedTypes = Boolean(options.trustedTypes);
  let receiptsUrl = options.receiptsUrl ?? null;
  let configMutator = options.config ?? null;
  let headHtml = options.headHtml ?? null;
  const beacons = [];
  const requests = [];
  const cspReports = [];

  const allMounts = [
    ...mounts,
    ['/dist/', path.join(repo, 'dist')],
    ['/vendor/web-vitals.js', path.join(repo, 'node_modules/web-vitals/dist/web-vitals.js')],
    ['/', root],
  ];

  function resolveFile(urlPath) {
    for (const [prefix, target] of allMounts) {
      if (urlPath === prefix) return target;
      if (prefix.endsWith('/') && urlPath.startsWith(prefix)) {
        const rel = decodeURIComponent(urlPath.slice(prefix.length));
        const file = path.resolve(target, rel);
        // No escaping the mount (../ or encoded variants).
        if (file !== target && !file.startsWith(target + path.sep)) return null;
        return file;
      }
    }
    return null;
  }

  function policy(nonce) {
    const connect = ["'self'"];
    if (receiptsUrl) connect.push(new URL(receiptsUrl).origin);
    const directives = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      ["style-src 'self'", ...(options.styleHashes ?? []).map((hash) => `'${hash}'`)].join(' '),
      "img-src 'self' data:",
      `connect-src ${connect.join(' ')}`,
      "frame-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      'report-uri /__csp-report',
    ];
    if (trustedTypes) {
      directives.push("require-trusted-types-for 'script'", 'trusted-types lit-html consentry dompurify');
    }
    return directives.join('; ');
  }

  async function readBody(req, limit = 64 * 1024) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
      size += chunk.length;
      if (size > limit) break;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function serveConfig(req, res, file) {
    let config = JSON.parse(await fs.readFile(file, 'utf8'));
    if (receiptsUrl) {
      const wasValid = config.$validated !== undefined && config.$validated === validationStamp(config);
      config = { ...config, receipts: { ...(config.receipts ?? {}), endpoint: receiptsUrl } };
      // Pointing a validated config at another http(s) endpoint keeps it valid:
      // re-stamp it so visitors still skip the validator chunk. Test mutations
      // below are not re-stamped, so they go through the validator.
      if (wasValid) config = stamped(config);
    }
    if (configMutator) config = configMutator(structuredClone(config)) ?? config;
    send(res, 200, TYPES['.json'], JSON.stringify(config, null, 2), { 'cache-control': 'no-cache' });
  }

  async function serveHtml(req, res, file, stat) {
    let html = await fs.readFile(file, 'utf8');
    const headers = { 'cache-control': noStore ? 'no-store' : 'no-cache' };
    const head = headHtml?.();
    if (head) html = html.replace(/<head\b[^>]*>/i, (tag) => tag + head);
    if (csp) {
      const nonce = randomBytes(16).toString('base64');
      // Inline scripts (the gated ones, the JSON config) get the nonce; the
      // core copies it onto the script it activates.
      html = html.replace(/<script\b(?![^>]*\bsrc=)(?![^>]*\bnonce=)/g, `<script nonce="${nonce}"`);
      headers['content-security-policy'] = policy(nonce);
    } else {
      headers.etag = etag(stat);
    }
    send(res, 200, TYPES['.html'], html, headers);
  }

  function etag(stat) {
    return `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  }

  function send(res, status, type, body, headers = {}) {
    res.writeHead(status, {
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      ...headers,
    });
    res.end(body);
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    requests.push({ method: req.method, path: pathname, query: url.search, host: req.headers.host, t: Date.now() });
    if (!options.quiet && options.verbose) console.log(req.method, req.url);
    if (options.handlers?.[pathname]) return options.handlers[pathname](req, res);

    if (BEACONS.has(pathname)) {
      const body = req.method === 'POST' ? await readBody(req) : '';
      beacons.push({
        path: pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        cookie: req.headers.cookie ?? '',
        host: req.headers.host,
        t: Date.now(),
      });
      res.writeHead(204, { 'cache-control': 'no-store' });
      return res.end();
    }
    if (pathname === '/__csp-report' && req.method === 'POST') {
      cspReports.push(await readBody(req));
      res.writeHead(204);
      return res.end();
    }
    if (pathname === '/__log') {
      if (req.method === 'DELETE') {
        beacons.length = 0;
        requests.length = 0;
        cspReports.length = 0;
        res.writeHead(204);
        return res.end();
      }
      return send(res, 200, TYPES['.json'], JSON.stringify({ beacons, cspReports, requests }), { 'cache-control': 'no-store' });
    }
    if (pathname === '/contact' && req.method === 'POST') {
      await readBody(req); // an enquiry form on a demo: read and dropped, never stored
      res.writeHead(303, { location: '/thanks.html', 'cache-control': 'no-store' });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, TYPES['.txt'], 'Method not allowed\n', { allow: 'GET, HEAD' });
    }

    let file = resolveFile(pathname);
    if (!file) return send(res, 404, TYPES['.txt'], 'Not found\n');
    let stat = await fs.stat(file).catch(() => null);
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: pathname + '/' });
        return res.end();
      }
      file = path.join(file, 'index.html');
      stat = await fs.stat(file).catch(() => null);
    }
    if (!stat?.isFile()) return send(res, 404, TYPES['.txt'], 'Not found\n');

    const ext = path.extname(file);
    if (path.basename(pathname) === 'consent.json') return serveConfig(req, res, file);
    if (ext === '.html') return serveHtml(req, res, file, stat);

    // Hashed chunks never change; everything else is revalidated.
    const immutable = /\/chunks\/[^/]+-[A-Za-z0-9_-]{6,}\.js$/.test(pathname);
    const headers = {
      'cache-control': noStore ? 'no-store' : immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-length': String(stat.size),
    };
    if (!noStore) {
      headers.etag = etag(stat);
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, { etag: headers.etag, 'cache-control': headers['cache-control'] });
        return res.end();
      }
    }
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      ...headers,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, TYPES['.txt'], 'Server error\n');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const origin = `http://${host}:${address.port}`;

  return {
    port: address.port,
    origin,
    url: origin + '/',
    /** Hits on /collect, /pixel and /embed/ping, oldest first. */
    beacons: () => beacons.slice(),
    /** Every request the server saw (method, path, query, host). */
    requests: () => requests.slice(),
    cspReports: () => cspReports.slice(),
    clearLog() {
      beacons.length = 0;
      requests.length = 0;
      cspReports.length = 0;
    },
    /** Change consent.json for the following requests (`null` restores it). */
    setConfig(mutator) {
      configMutator = mutator;
    },
    /** Replace `headHtml` for the following pages (`null`: none). */
    setHeadHtml(fn) {
      headHtml = fn;
    },
    setReceiptsUrl(url) {
      receiptsUrl = url;
    },
    setCsp(on, tt = trustedTypes) {
      csp = on;
      trustedTypes = tt;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function parseArgs(argv) {
  const args = { port: Number(process.env.PORT ?? 8080) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') args.port = Number(argv[++i]);
    else if (arg === '--csp') args.csp = true;
    else if (arg === '--trusted-types') args.trustedTypes = args.csp = true;
    else if (arg === '--receipts') args.receiptsUrl = argv[++i];
    else if (arg === '--verbose') args.verbose = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('node demo/server.mjs [--port 8080] [--csp] [--trusted-types] [--receipts URL] [--verbose]');
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${arg}`);
      process.exit(2);
    }
  }
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = parseArgs(process.argv.slice(2));
  const site = await startDemoServer(args);
  console.log(`Keyhold Inventories demo: ${site.url}${args.csp ? ' (strict CSP' + (args.trustedTypes ? ' + Trusted Types)' : ')') : ''}`);
  const stop = () => site.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

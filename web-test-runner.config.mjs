// Unit and component tests in Debian's Chromium (no browser download).
// web-test-runner.firefox.config.mjs and web-test-runner.webkit.config.mjs run
// the same specs in Firefox ESR and WebKitGTK (scripts/wtr-engines.mjs).
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumLauncher, engineCommands, notRunHereReporter } from './scripts/wtr-engines.mjs';


/**
 * A small receipts endpoint for the delivery specs, with switchable failure
 * modes: `POST /test-receipts/<bucket>` stores by id (200 on a duplicate, like
 * the real server); `PUT /test-receipts/<bucket>?mode=ok|500|503|400|slow|down`
 * switches its behaviour; `GET /test-receipts/<bucket>` reports what arrived.
 */
const buckets = new Map();
const bucket = (name) => {
  if (!buckets.has(name)) buckets.set(name, { mode: 'ok', attempts: 0, stored: new Map() });
  return buckets.get(name);
};
const testReceipts = async (ctx, next) => {
  const match = /^\/test-receipts\/([\w-]+)$/.exec(ctx.path);
  if (!match) return next();
  const b = bucket(match[1]);
  if (ctx.method === 'PUT') {
    b.mode = ctx.query.mode;
    ctx.body = { mode: b.mode };
    return;
  }
  if (ctx.method === 'GET') {
    ctx.body = { attempts: b.attempts, ids: [...b.stored.keys()], receipts: [...b.stored.values()] };
    return;
  }
  ctx.set('access-control-allow-origin', '*');
  if (ctx.method === 'OPTIONS') {
    ctx.status = 204;
    return;
  }
  b.attempts++;
  const text = await new Promise((resolve) => {
    let data = '';
    ctx.req.on('data', (c) => (data += c));
    ctx.req.on('end', () => resolve(data));
  });
  if (b.mode === 'down') {
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (b.mode === 'slow') await new Promise((r) => setTimeout(r, 1500));
  if (b.mode === '500' || b.mode === '503' || b.mode === '400') {
    ctx.status = Number(b.mode);
    ctx.body = { error: 'test mode ' + b.mode };
    return;
  }
  const receipt = JSON.parse(text);
  const duplicate = b.stored.has(receipt.id);
  if (!duplicate) b.stored.set(receipt.id, receipt);
  ctx.status = duplicate ? 200 : 201;
  ctx.body = { stored: !duplicate };
};

/**
 * `GET /test-strict-page?csp=<policy>&body=<html>`: a page that loads the
 * core from source (src/ui.csp.harness.ts) with the policy in a response
 * header. A header, not a srcdoc iframe with a <meta> policy: Firefox rightly
 * blocks same-origin module scripts in a srcdoc document under
 * `script-src 'self'`, and a served page is what a real site is.
 */
const strictPage = async (ctx, next) => {
  if (ctx.path !== '/test-strict-page') return next();
  ctx.set('content-security-policy', String(ctx.query.csp));
  ctx.set('cache-control', 'no-store');
  ctx.type = 'html';
  ctx.body = `<!doctype html><html lang="en"><head>
    <script type="module" src="/src/ui.csp.harness.ts"></script></head>
    <body>${ctx.query.body ?? ''}</body></html>`;
};

export default {
  middleware: [testReceipts, strictPage],
  files: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  // One page at a time: specs share the origin's cookies and localStorage.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  // test/browser/readable-failures.ts runs after the framework and before the
  // spec: a failed comparison of DOM nodes would otherwise never be reported.
  testRunnerHtml: (framework) =>
    `<!doctype html><html><head></head><body><script type="module" src="${framework}"></script><script type="module" src="/test/browser/readable-failures.ts"></script></body></html>`,
  plugins: [engineCommands, esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  reporters: [defaultReporter(), notRunHereReporter()],
  browsers: [chromiumLauncher()],
};

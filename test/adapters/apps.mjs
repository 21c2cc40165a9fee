// The test apps of the adapter specs: the README's Next.js and Nuxt snippets,
// taken from README.md as they are, compiled for Node (server rendering) and
// for the browser (hydration) against the built package (`npm run build`
// first). `consentry/react` and `consentry/vue` resolve through the package's
// own `exports`, as they would in an app.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const requireBuild = () => {
  for (const f of ['dist/index.js', 'dist/react.js', 'dist/vue.js', 'dist/consentry.js', 'dist/custom-elements.json'])
    if (!existsSync(path.join(repo, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
};

/** Code blocks of README.md that follow a `<!-- snippet: name -->` line, by name. */
export const readmeSnippets = () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const found = new Map();
  for (const [, name, code] of readme.matchAll(/<!-- snippet: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)) found.set(name, code + '\n');
  return found;
};

/** A fresh folder inside the repo (so `consentry/*` resolves to this package) holding the snippets of one app. */
export const writeApp = (prefix) => {
  const dir = path.join(repo, '.tmp', `adapters-${prefix}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const snippets = readmeSnippets();
  for (const [name, code] of snippets) {
    if (!name.startsWith(prefix + '/')) continue;
    const file = path.join(dir, name.slice(prefix.length + 1));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, code);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

const vueSfc = (isCustomElement, ssr) => ({
  name: 'vue-sfc',
  async setup(build) {
    const { parse, compileScript, compileTemplate } = await import('vue/compiler-sfc');
    build.onLoad({ filter: /\.vue$/ }, (args) => {
      const { descriptor, errors } = parse(readFileSync(args.path, 'utf8'), { filename: args.path });
      if (errors.length) throw errors[0];
      const id = createHash('sha256').update(args.path).digest('hex').slice(0, 8);
      const resolveDir = path.dirname(args.path);
      if (!descriptor.scriptSetup && !descriptor.script) {
        // A template-only component.
        const t = compileTemplate({ source: descriptor.template.content, filename: args.path, id, ssr, ssrCssVars: [], compilerOptions: { isCustomElement } });
        if (t.errors.length) throw t.errors[0];
        const render = ssr ? 'ssrRender' : 'render';
        return { contents: `${t.code}\nexport default { ${render} };`, loader: 'js', resolveDir };
      }
      const script = compileScript(descriptor, {
        id,
        inlineTemplate: true,
        templateOptions: { ssr, compilerOptions: { isCustomElement } },
      });
      return { contents: script.content, loader: 'ts', resolveDir };
    });
  },
});

/**
 * Bundles `entry` (source text, resolved inside `dir`) for Node or the
 * browser. On Node the frameworks and `consentry/*` stay imports, so Node's
 * own resolution (and the package's `exports`) is used.
 */
export const bundle = async ({ dir, entry, platform, out, isCustomElement }) => {
  const node = platform === 'node';
  await esbuild.build({
    stdin: { contents: entry, resolveDir: dir, sourcefile: 'entry.tsx', loader: 'tsx' },
    bundle: true,
    format: 'esm',
    platform,
    outdir: out,
    splitting: !node,
    entryNames: node ? 'server' : 'client',
    jsx: 'automatic',
    target: 'es2022',
    logLevel: 'error',
    external: node ? ['react', 'react-dom', 'react/*', 'react-dom/*', 'vue', 'vue/*', 'consentry', 'consentry/*'] : [],
    // Development builds: React and Vue then report any hydration mismatch.
    define: { 'process.env.NODE_ENV': '"development"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' },
    plugins: isCustomElement ? [vueSfc(isCustomElement, node)] : [],
  });
  return path.join(out, node ? 'server.js' : 'client.js');
};

/** The `isCustomElement` function of the README's nuxt.config.ts snippet, evaluated as written there. */
export const nuxtIsCustomElement = async (dir) => {
  const file = path.join(dir, 'nuxt.config.ts');
  const out = path.join(dir, 'nuxt.config.mjs');
  await esbuild.build({ entryPoints: [file], outfile: out, format: 'esm', platform: 'node', logLevel: 'error' });
  // defineNuxtConfig is Nuxt's identity helper; it is all of Nuxt this needs.
  globalThis.defineNuxtConfig = (c) => c;
  try {
    const { default: config } = await import(out);
    return config.vue.compilerOptions.isCustomElement;
  } finally {
    delete globalThis.defineNuxtConfig;
  }
};

/** The test config: the product example's categories with a `video` service under marketing, no receipts endpoint. */
export const testConfig = () => ({
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
      services: [
        {
          id: 'site',
          name: 'This website',
          cookies: [
            { name: 'consentry', provider: 'this website', purpose: 'Remembers your cookie choices.', duration: '6 months', justification: 'Keeps the record of the visitor\'s selections.' },
          ],
        },
      ],
    },
    { id: 'analytics', basis: 'consent', title: 'Analytics', description: 'How the site is used.', services: [{ id: 'ga4', name: 'Google Analytics', cookies: [{ name: '_ga', provider: 'Google', purpose: 'Distinguishes visitors.', duration: '13 months' }] }] },
    { id: 'marketing', basis: 'consent', title: 'Marketing', description: 'Adverts and embedded players.', services: [{ id: 'video', name: 'Video player', cookies: [{ name: 'vid', provider: 'Player', purpose: 'Remembers playback.', duration: '3 months' }] }] },
  ],
});

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.md': 'text/markdown', '.html': 'text/html' };

/**
 * A tiny server on 127.0.0.1: `render(req)` answers `/` with the server-rendered
 * page, `/consent.json` is the test config, `/_app/*` the client bundle,
 * `/dist/*` the built package. Counts the requests per path.
 */
export const serve = async ({ port, render, clientDir }) => {
  const hits = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    try {
      if (url.pathname === '/') return await render(req, res);
      if (url.pathname === '/consent.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(testConfig()));
      }
      if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
      if (url.pathname === '/privacy.md') {
        res.writeHead(200, { 'content-type': 'text/markdown' });
        return res.end('## Who we are\n\nKeyhold Inventories.\n');
      }
      if (url.pathname.startsWith('/dist/')) {
        // The built package, for pages that use the script-tag build.
        const file = path.join(repo, path.normalize(url.pathname));
        if (!file.startsWith(path.join(repo, 'dist')) || !existsSync(file)) throw Object.assign(new Error('not found'), { status: 404 });
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        return res.end(readFileSync(file));
      }
      if (url.pathname.startsWith('/_app/')) {
        const file = path.join(clientDir, path.normalize(url.pathname.slice(6)));
        if (!file.startsWith(clientDir) || !existsSync(file)) throw Object.assign(new Error('not found'), { status: 404 });
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        return res.end(readFileSync(file));
      }
      throw Object.assign(new Error('not found'), { status: 404 });
    } catch (e) {
      if (!res.headersSent) res.writeHead(e.status ?? 500, { 'content-type': 'text/plain' });
      res.end(String(e.stack ?? e));
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(r)) };
};

/**
 * Replaces the browser globals with traps for the duration of `fn` and
 * returns the stack of every read that came from this package's build
 * (`dist/`) or the test app (`.tmp/`), not from the frameworks themselves. Without the traps the globals are undefined in
 * Node too; the traps make a read visible even where it would not throw
 * (`typeof window`).
 */
export const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'self'];
export const trapBrowserGlobals = async (fn) => {
  const reads = [];
  const saved = BROWSER_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
  for (const name of BROWSER_GLOBALS)
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        const stack = new Error(`read of ${name}`).stack ?? '';
        if (stack.includes(path.join(repo, 'dist') + path.sep) || stack.includes(path.join(repo, '.tmp') + path.sep)) reads.push(stack);
        return undefined;
      },
    });
  try {
    return { result: await fn(), reads };
  } finally {
    for (const [name, desc] of saved) {
      if (desc) Object.defineProperty(globalThis, name, desc);
      else delete globalThis[name];
    }
  }
};

// Builds from one source tree:
//  1. ESM (npm and the lazily loaded chunks): dist/index.js, ui.js, policy.js
//     and validate.js. ui.js holds the banner (plain DOM, no lit), so the
//     banner is one request; the preference centre and the policy viewer
//     share lit from chunks/lit-element.js (one lit-html per page: a second
//     copy would try to create the `lit-html` Trusted Types policy twice).
//     Declarations in dist/types/src (and dist/types/server/src/schemas for the
//     receipt type, whose one definition is the server's schema).
//  2. decide.js and placeholder.js (the embed placeholder, no lit) on their
//     own, for the script-tag build, and head.js, the optional classic script
//     that goes first in <head> (src/head.ts).
//  3. The script-tag build dist/consentry.js: a classic script (no `type=module`
//     needed) holding the core only; it import()s the ESM chunks above by URL
//     when something must be shown, so a returning visitor loads this file alone.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync, writeFileSync } from 'node:fs';
import { CHUNKS } from './scripts/chunks.mjs';

// Every chunk of src/chunks.ts is an ESM entry at a fixed name (the script-tag
// build loads them by URL), except decide and placeholder, built self-contained below.
const { decide, placeholder, ...lazy } = CHUNKS;

/**
 * The chunks policy.js imports: a page holding a pre-rendered policy preloads
 * them by name beside the core (page → one chunk, no import waterfall), so,
 * like the entries, they have no hash. test/policy/prerender.test.mjs checks
 * the demo's privacy page preloads exactly policy.js's static imports.
 */
const PRELOADED = new Set(['lit-element', 'language']);

/** A language's details or policy strings (`src/i18n/details/fr.ts`): written to `i18n/details/`, beside its first-layer file. */
const stringGroup = (chunk) => /\/src\/i18n\/(details|policy)\/\w+\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];

// The npm entry keeps exactly its own exports (no internal one-letter names
// beside `init`): what it shares with the decide chunk goes to a chunk of its own.
const npmEntry = {
  name: 'npm-entry',
  buildStart() {
    this.emitFile({ type: 'chunk', id: 'src/index.ts', fileName: 'index.js', preserveSignature: 'strict' });
  },
};

/** Collapses the whitespace of the plain-text stylesheets (`*.styles.ts` without lit): terser keeps strings as they are. */
const cssWhitespace = {
  name: 'css-whitespace',
  transform(code, id) {
    if (!id.endsWith('.styles.ts') || /from ["']lit|@lit\//.test(code)) return null;
    // Spaces go around { } ; , and after a colon; never before one (`div :focus` is not `div:focus`).
    const tight = (css) => css.replace(/\s+/g, ' ').replace(/ ?([{};,]) ?/g, '$1').replace(/: /g, ':').trim();
    return { code: code.replace(/`([^`$]*)`/g, (_, css) => '`' + tight(css) + '`'), map: null };
  },
};

/** The file name the ESM build above gave a shared chunk (the builds of this file run in order). */
const builtChunk = (pattern) => {
  const found = readdirSync(new URL('./dist/chunks/', import.meta.url)).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`rollup.config.mjs: expected one dist/chunks/ file matching ${pattern}, found ${found.length}`);
  return found[0];
};

const terserOptions = {
  ecma: 2020,
  module: true,
  compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
  format: { comments: false },
};

const ts = (declarations) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    noEmitOnError: true,
    ...(declarations ? {} : { declaration: false, declarationDir: undefined }),
  });

const library = [
  {
    input: lazy,
    // Lazy entries may export more than their own module (ui.js lends the i18n
    // to the later chunks): no re-export stubs.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) =>
        stringGroup(chunk) ? `i18n/${stringGroup(chunk)}/[name]-[hash].js` : PRELOADED.has(chunk.name) ? 'chunks/[name].js' : 'chunks/[name]-[hash].js',
      sourcemap: true,
      // Everything the banner needs goes into the ui entry itself: one request,
      // no import waterfall before the first frame. Later chunks import from it.
      // The banner is plain DOM: lit (and what only LitElements use) is one
      // chunk of its own, shared by the preference centre and the policy viewer.
      manualChunks: (id) =>
        /src\/(ui\.ts|styles\/(theme|tokens-css)|i18n\/(index|en)\.ts|elements\/consentry-banner\/)/.test(id)
          ? 'ui'
          : /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/|src\/(controllers\/|styles\/tokens\.styles)/.test(id)
            ? 'lit-element'
            : undefined,
    },
    plugins: [npmEntry, nodeResolve({ browser: true }), ts(true), cssWhitespace, terser(terserOptions)],
  },
  {
    // The decide chunk for the script-tag build, self-contained (the ESM build
    // above shares its modules with index.js instead).
    input: { decide },
    // Its own chunk: the pure-JS SHA-256, fetched only where WebCrypto is missing.
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [nodeResolve({ browser: true }), ts(false), terser(terserOptions)],
  },
  {
    // The embed placeholder for the script-tag build, self-contained too: a
    // returning visitor on a page with an embed fetches the core and this one
    // file. Its non-English strings come from the details' files of the build
    // above (en-details, kept external and pointed at that chunk's hashed name).
    input: { placeholder },
    external: (id) => /\/i18n\/en-details\.js$/.test(id),
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // As consentry.js: the map beside it, not named in it (bytes on every page with an embed).
      sourcemap: 'hidden',
      paths: (id) => (/\/i18n\/en-details\.js$/.test(id) ? './chunks/' + builtChunk(/^en-details-[\w-]+\.js$/) : id),
    },
    plugins: [nodeResolve({ browser: true }), ts(false), cssWhitespace, terser(terserOptions)],
  },
  {
    // The head script: a classic script for <head>, before consentry.js and
    // every tag: auto-blocking, vendor signals, dev mode.
    input: 'src/head.ts',
    output: { file: 'dist/head.js', format: 'iife', sourcemap: true },
    plugins: [nodeResolve({ browser: true }), ts(false), terser({ ...terserOptions, module: false })],
  },
  {
    // The first-frame guard: a tiny classic script for <head> on a page with a
    // pre-rendered banner and no head script (src/first-frame.ts).
    input: 'src/first-frame.ts',
    output: { file: 'dist/first-frame.js', format: 'iife', sourcemap: true },
    plugins: [nodeResolve({ browser: true }), ts(false), terser({ ...terserOptions, module: false })],
  },
  {
    // For Node: `consentry render` pre-renders a policy with the element's own
    // pipeline (the CLI brings the DOM). Also writes the page stylesheet policy.css.
    input: { prerender: 'src/policy-prerender.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
    plugins: [
      nodeResolve(),
      ts(false),
      {
        name: 'policy-css',
        async writeBundle() {
          const { policyCss } = await import(new URL('./dist/prerender.js?' + Date.now(), import.meta.url).href);
          writeFileSync(new URL('./dist/policy.css', import.meta.url), policyCss());
        },
      },
    ],
  },
  {
    input: 'src/consentry.ts',
    output: {
      file: 'dist/consentry.js',
      format: 'iife',
      // No "use strict" prologue (about 10 B brotli of every returning visitor's download):
      // its classes are strict anyway, and nothing in it reads `this` or relies on strict-only errors.
      strict: false,
      // The map is written beside it but not named in the file: every returning
      // visitor would download the comment (30 B of the 3.5 kB budget); load it in devtools by hand.
      sourcemap: 'hidden',
    },
    plugins: [nodeResolve({ browser: true }), ts(false), terser({ ...terserOptions, module: false })],
  },
];

// ── Framework adapters (consentry/react, consentry/vue) ─────────────────────
// One build per adapter, each a single file beside index.js. The frameworks
// are peer dependencies and the core is imported from ./index.js, so a page
// that also imports `consentry` gets one core. Not minified: bundlers do that.
// react.js starts with 'use client' for the Next.js App Router.
const coreEntry = new URL('./src/index.js', import.meta.url).pathname;
const adapter = (name, banner) => ({
  input: { [name]: `src/${name}/index.ts` },
  external: (id, importer) =>
    /^(react|react-dom|vue)(\/|$)/.test(id) ||
    (!!importer && id.startsWith('.') && new URL(id, `file://${importer}`).pathname === coreEntry),
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    sourcemap: true,
    banner,
    paths: (id) => (id === coreEntry ? './index.js' : id),
  },
  plugins: [ts(false)],
});
export const adapters = [adapter('react', "'use client';"), adapter('vue')];

export default [...library, ...adapters];

#!/usr/bin/env node
// Writes bench/pages/<tool>/article.html: the demo's article page, once per
// consent tool, each wired the way that tool's documentation says, with the
// same four categories and one gated stand-in analytics script
// (/shared/analytics.js) that records when it ran; embed.html adds the demo's
// video embed; consentry/minimal.html and none/article.html are described below. `npm run bench` runs this
// first, so the copies follow the demo article.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stamped, validationStamp } from '../bin/stamp.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const pages = path.join(here, 'pages');

const source = readFileSync(path.join(repo, 'demo/guides/check-out-day.html'), 'utf8');
const title = /<title>([^<]*)<\/title>/.exec(source)[1];
const header = /<header class="site-header">[\s\S]*?<\/header>/.exec(source)[0];
const footer = /<footer class="site-footer">[\s\S]*?<\/footer>/.exec(source)[0];
// The article without the video embed (article.html: the benchmark is about
// the banner) and with it, gated each tool's way (embed.html).
const article = /<main id="main">[\s\S]*?<\/main>/.exec(source)[0];
const figure = /\s*<figure class="figure">[\s\S]*?<\/figure>/;
const main = article.replace(figure, '');
const withEmbed = (iframe) =>
  article.replace(figure, (f) => f.replace(/<iframe[^>]*><\/iframe>/, iframe));
const VIDEO = 'title="Video: a check-out inspection in four minutes" class="video"';

/** How each tool is put on the page: head, gated analytics markup, end of body. */
export const TOOLS = {
  consentry: {
    // The preload lets the config download beside the script (the README recommends it with data-config);
    // \`async\` as the README's snippets have it.
    head: `  <link rel="preload" href="/consentry/consent.json" as="fetch" crossorigin>\n  <script async src="/dist/consentry.js" data-config="/consentry/consent.json"></script>`,
    gated: `  <script type="text/plain" data-consent="analytics" src="/shared/analytics.js"></script>`,
    tail: '',
    embed: `<iframe data-consent="marketing:video" data-src="/embed/video.html" ${VIDEO}></iframe>`,
  },
  'vanilla-cookieconsent': {
    head: `  <link rel="stylesheet" href="/peers/vanilla-cookieconsent/cookieconsent.css">
  <script defer src="/peers/vanilla-cookieconsent/cookieconsent.umd.js"></script>
  <script defer src="/vanilla-cookieconsent/config.js"></script>`,
    gated: `  <script type="text/plain" data-category="analytics" src="/shared/analytics.js"></script>`,
    tail: '',
    // Its core gates scripts only (iframes need the separate iframemanager): the
    // embed stays inert, so its bytes are those of the article page.
    embed: `<iframe data-src="/embed/video.html" ${VIDEO}></iframe>`,
  },
  orejime: {
    head: `  <link rel="stylesheet" href="/peers/orejime/orejime-standard.css">
  <script defer src="/orejime/config.js"></script>
  <script defer src="/peers/orejime/orejime-standard-en.js"></script>`,
    gated: `  <template data-purpose="analytics"><script src="/shared/analytics.js"></script></template>`,
    tail: '',
    embed: `<template data-purpose="marketing"><iframe src="/embed/video.html" ${VIDEO}></iframe></template>`,
  },
  klaro: {
    head: `  <script defer src="/klaro/config.js"></script>
  <script defer src="/peers/klaro/klaro.js"></script>`,
    gated: `  <script type="text/plain" data-type="text/javascript" data-name="ga4" data-src="/shared/analytics.js"></script>`,
    tail: '',
    embed: `<iframe data-name="meta" data-src="/embed/video.html" ${VIDEO}></iframe>`,
  },
};

/**
 * Consentry's other set-up, the README's first snippet as it stands: the
 * script tag alone (no preload) and a config that `consentry check --stamp`
 * never saw, so the validator chunk is fetched on the first visit.
 */
const MINIMAL = `  <script async src="/dist/consentry.js" data-config="/consentry/minimal/consent.json"></script>`;

/**
 * Consentry's third set-up, for sites that want the banner in the first frame:
 * the first-frame guard first in <head> (217 B; it hides the pre-rendered
 * banner from a returning visitor), the core as recommended, and the banner
 * `consentry banner` wrote first in <body> (its markup and stylesheet are in
 * the HTML, not counted as widget bytes).
 */
const PRERENDERED_HEAD = `  <script src="/dist/first-frame.js"></script>
  <link rel="preload" href="/consentry/consent.json" as="fetch" crossorigin>
  <script async src="/dist/consentry.js" data-config="/consentry/consent.json"></script>`;

/** Consentry's fourth set-up: the config inline in the page, and the core after it, blocking. */
const inlineHead = (config) =>
  `  <script type="application/json" id="consentry-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
  <script src="/dist/consentry.js"></script>`;

/** The banner as `consentry banner` writes it for this config (needs dist/prerender.js). */
const prerenderedBanner = (configFile) => {
  const cli = spawnSync(process.execPath, [path.join(repo, 'bin/consentry.js'), 'banner', configFile], { encoding: 'utf8' });
  if (cli.status !== 0) throw new Error(`consentry banner: ${cli.stderr}`);
  return cli.stdout.trim();
};

/** The page with no consent tool at all: the reference for every FCP ratio. */
const NONE = { head: '', gated: '', tail: '' };


const page = (wiring, body) => `<!doctype html>
<!-- Generated by bench/make-pages.mjs from demo/guides/check-out-day.html: do not edit. -->
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="stylesheet" href="/css/site.css">
${wiring.head}
${wiring.gated}
</head>
<body>
  ${header}
  ${body}
  ${footer}
${wiring.tail}</body>
</html>
`;

const write = (file, text) => {
  mkdirSync(path.dirname(path.join(pages, file)), { recursive: true });
  writeFileSync(path.join(pages, file), text);
};

/**
 * Writes, per tool, article.html (its documented set-up) and embed.html (the
 * same with the video embed gated its way); consentry/minimal.html (the
 * README's first snippet, unstamped config); none/article.html (no tool).
 */
export function makePages() {
  for (const [tool, wiring] of Object.entries(TOOLS)) {
    write(`${tool}/article.html`, page(wiring, main));
    write(`${tool}/embed.html`, page(wiring, withEmbed(wiring.embed)));
  }
  write('consentry/minimal.html', page({ ...TOOLS.consentry, head: MINIMAL }, main));
  write('none/article.html', page(NONE, main));
  // Consentry's config is the demo's, as it stands (the bench server points
  // its receipts endpoint at a local stub).
  // Stamped as the demo's is (when the demo's stamp is current), so visitors
  // skip the validator chunk as they would on a real site.
  const config = JSON.parse(readFileSync(path.join(repo, 'demo/consent.json'), 'utf8'));
  const valid = config.$validated !== undefined && config.$validated === validationStamp(config);
  config.$schema = '../../../schema.json';
  write('consentry/consent.json', JSON.stringify(valid ? stamped(config) : config, null, 2) + '\n');
  const banner = prerenderedBanner(path.join(pages, 'consentry/consent.json'));
  write('consentry/prerendered.html', page({ ...TOOLS.consentry, head: PRERENDERED_HEAD }, main).replace('<body>\n', `<body>\n${banner}\n`));
  // The README's third snippet: the stamped config inline, the core blocking
  // first in <head> (no request for the config, so the core decides in the
  // task it runs in). Its receipts go to the bench server's stub, by a
  // relative URL (the server rewrites served configs only).
  const inline = stamped({ ...config, $schema: undefined, receipts: { ...config.receipts, endpoint: '/receipts' } });
  write('consentry/inline.html', page({ ...TOOLS.consentry, head: inlineHead(inline) }, main));
  const unstamped = { ...config };
  delete unstamped.$validated;
  // Named consent.json, so the bench server points its receipts at the stub as for the other.
  write('consentry/minimal/consent.json', JSON.stringify(unstamped, null, 2) + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  makePages();
  console.log(`wrote ${2 * Object.keys(TOOLS).length + 2} pages under bench/pages/`);
}

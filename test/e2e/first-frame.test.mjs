// Issue 10: the banner in the page's first frame. `consentry banner --into`
// writes the first layer into the page as a declarative shadow root; the head
// script (or, on a page without it, the tiny dist/first-frame.js) hides it
// from a visitor with a stored choice before <body> is parsed; the UI chunk
// makes it the live banner. Under the strict CSP (with
// the stylesheet's hash the CLI prints) and Trusted Types, in every engine:
// the first frame that shows the page's content shows the banner too, a
// returning visitor never has it on screen in any frame, and its buttons decide.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { bannerButton, CONSENT_COOKIE, cspViolations, eventually, load, openPage, repo, settledState, sleep, useStack } from './helpers.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'consentry-first-frame-'));
/** The page with `guard` first in <head>: the head script, or the first-frame script alone. */
const pageWith = (guard) => `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>First frame</title>
  <link rel="icon" href="data:,">
  ${guard}
  <script async src="/dist/consentry.js" data-config="/consent.json"></script>
  <script type="text/plain" data-consent="analytics" src="/analytics.js"></script>
</head>
<body>
  <main><h1>An article</h1><p>Text the visitor can read at once.</p></main>
</body>
</html>
`;
const PAGES = {
  'the head script': ['/', '<script src="/dist/head.js" data-config="/consent.json"></script>'],
  'dist/first-frame.js': ['/guard.html', '<script src="/dist/first-frame.js"></script>'],
};
const file = (url) => path.join(root, url === '/' ? 'index.html' : url.slice(1));
for (const [url, guard] of Object.values(PAGES)) writeFileSync(file(url), pageWith(guard));
const page = file('/');
writeFileSync(path.join(root, 'analytics.js'), 'window.__analyticsRuns = (window.__analyticsRuns ?? 0) + 1;\n');
writeFileSync(path.join(root, 'consent.json'), readFileSync(path.join(repo, 'demo/consent.json')));
// The CLI as a site runs it; the stylesheet's hash is its last line on stderr.
const banner = (into) => spawnSync(process.execPath, [path.join(repo, 'bin/consentry.js'), 'banner', path.join(root, 'consent.json'), '--into', into], { encoding: 'utf8' });
const cli = banner(page);
if (cli.status !== 0 || banner(file('/guard.html')).status !== 0) throw new Error(`consentry banner failed: ${cli.stderr}`);
const STYLE_HASH = /'(sha256-[A-Za-z0-9+/=]+)'/.exec(cli.stderr)?.[1];

/** In-page, before any script: one entry per animation frame, for the first 10 s. */
function watchFrames() {
  window.__frames = [];
  const onScreen = (el) =>
    !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).opacity !== '0';
  const tick = () => {
    const host = document.querySelector('consentry-banner');
    window.__frames.push({
      content: !!document.querySelector('main p'),
      banner: !!host && onScreen(host) && onScreen(host.shadowRoot?.querySelector('[part~="banner"]')),
      live: !!host && !host.hasAttribute('data-prerendered'),
    });
    if (window.__frames.length < 600) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
const frames = (visit) => visit.evaluate(() => window.__frames);

describe('a banner pre-rendered by `consentry banner` (head script + declarative shadow DOM)', () => {
  const stack = useStack({ root, csp: true, trustedTypes: true, styleHashes: [STYLE_HASH] });

  it('the CLI writes it once, first in <body>, and --check knows it is current', () => {
    assert.ok(STYLE_HASH, `no style-src hash on stderr: ${cli.stderr}`);
    const html = readFileSync(page, 'utf8');
    assert.equal(html.match(/<consentry-banner /g)?.length, 1);
    assert.match(html, /<body>\n<consentry-banner data-prerendered="" [^>]*><template shadowrootmode="open"><style>/);
    assert.match(html, /<button part="reject-all">Reject all<\/button>/);
    // Run again: nothing changes (no second banner), and --check agrees.
    execFileSync(process.execPath, [path.join(repo, 'bin/consentry.js'), 'banner', path.join(root, 'consent.json'), '--into', page], { stdio: 'pipe' });
    assert.equal(readFileSync(page, 'utf8'), html);
    const check = spawnSync(process.execPath, [path.join(repo, 'bin/consentry.js'), 'banner', path.join(root, 'consent.json'), '--into', page, '--check'], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });

  for (const [name, [url]] of Object.entries(PAGES)) {
    it(`a first visit has the banner in the first frame that has the page’s text; its Reject all decides (${name})`, async () => {
      const visit = await openPage(stack);
      try {
        await visit.addInitScript(watchFrames);
        await load(visit, url);
        const first = (await frames(visit)).find((f) => f.content);
        assert.ok(first, 'no frame with the page’s text');
        assert.equal(first.banner, true, 'the page’s text was painted in a frame without the banner');
        // The UI chunk takes the pre-rendered banner over where it is: one banner, live.
        await eventually(async () => (await frames(visit)).at(-1).live, { message: 'the banner to become live' });
        assert.equal(await visit.count('consentry-banner'), 1);
        await visit.click(bannerButton('reject-all'));
        const state = await settledState(visit, (s) => s.decided, 'the refusal');
        assert.deepEqual(state.granted, ['necessary']);
        assert.ok((await visit.cookies()).some((c) => c.name === CONSENT_COOKIE));
        await eventually(async () => (await visit.count('consentry-banner')) === 0, { message: 'the banner to leave' });
        assert.equal(await visit.evaluate(() => window.__analyticsRuns ?? 0), 0);
        assert.deepEqual(await cspViolations(visit), []);
        assert.deepEqual(visit.errors, []);
      } finally {
        await visit.close();
      }
    });

    it(`a returning visitor never has it on screen, in any frame; accepted analytics runs (${name})`, async () => {
      const visit = await openPage(stack);
      try {
        await load(visit, url);
        await visit.click(bannerButton('accept-all'));
        await settledState(visit, (s) => s.granted.includes('analytics'), 'the consent');
        await visit.addInitScript(watchFrames);
        await load(visit, url);
        await eventually(async () => (await visit.evaluate(() => window.__analyticsRuns ?? 0)) === 1, { message: 'the analytics on the next page view' });
        await sleep(500);
        const seen = await frames(visit);
        assert.ok(seen.some((f) => f.content), 'no frame with the page’s text');
        assert.deepEqual(seen.filter((f) => f.banner), [], 'the banner was on screen for a returning visitor');
        // Still in the page, hidden by the head script's sheet.
        assert.equal(await visit.evaluate(() => getComputedStyle(document.querySelector('consentry-banner')).display), 'none');
        assert.deepEqual(await cspViolations(visit), []);
        assert.deepEqual(visit.errors, []);
      } finally {
        await visit.close();
      }
    });
  }
});

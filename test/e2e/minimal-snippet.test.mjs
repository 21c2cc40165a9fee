// The README's first snippet, exactly as it stands, on a page of its own:
// `<script src="/consentry/consentry.js" data-config="/consent.json">` and
// nothing else of ours (no preload, no head script, a config the CLI never
// stamped, so the validator runs beside the banner). The build is served at
// /consentry/ as the snippet says; the config is the demo's, unstamped. A
// visitor sees the banner, a refusal runs nothing optional, consent runs the
// analytics, and a returning visitor never sees the banner, not for a frame.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BANNER, bannerButton, CONSENT_COOKIE, load, openPage, readmeSnippet, repo, settledState, sleep, storageSnapshot, useStack, waitForBanner } from './helpers.mjs';

const SNIPPET = readmeSnippet();

// The page: the snippet first in <head> (as the README says), one gated
// analytics script written the README's way, and some text.
const root = mkdtempSync(path.join(tmpdir(), 'consentry-minimal-'));
writeFileSync(
  path.join(root, 'index.html'),
  `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>The README's first snippet</title>
  <link rel="icon" href="data:,">
  ${SNIPPET}
  <script type="text/plain" data-consent="analytics" src="/analytics.js"></script>
</head>
<body>
  <main><h1>An article</h1><p>Text a visitor reads while deciding, or not.</p></main>
</body>
</html>
`,
);
// A stand-in analytics tag: counts its runs on the page and sends one hit to the site's collector.
writeFileSync(path.join(root, 'analytics.js'), `window.__analyticsRuns = (window.__analyticsRuns ?? 0) + 1;\nfetch('/collect?from=analytics').catch(() => {}); // a hit cut off by the next navigation is not the page's error\n`);
const config = JSON.parse(readFileSync(path.join(repo, 'demo/consent.json'), 'utf8'));
delete config.$validated;
writeFileSync(path.join(root, 'consent.json'), JSON.stringify(config));

/** Records, before any page script, whether a banner element was ever put in the document. */
function watchForBanner() {
  window.__bannerInserted = false;
  new MutationObserver(() => {
    if (document.querySelector('consentry-banner')) window.__bannerInserted = true;
  }).observe(document, { childList: true, subtree: true });
}

const analyticsRuns = (visit) => visit.evaluate(() => window.__analyticsRuns ?? 0);
const requested = (visit, since, pathname) => visit.requests.slice(since).some((url) => new URL(url).pathname === pathname);

describe("the README's minimal snippet (script tag only, unstamped config)", () => {
  const stack = useStack({ root, buildAt: '/consentry/' });

  it('a first visit shows the banner and runs nothing optional; Reject all keeps it so, also on the next page view', async () => {
    const visit = await openPage(stack);
    try {
      await visit.addInitScript(watchForBanner);
      await load(visit, '/');
      await waitForBanner(visit);
      // The unstamped config went through the validator (fetched from beside the core, as the README says).
      assert.ok(requested(visit, 0, '/consentry/validate.js'), 'the validator was not fetched for an unstamped config');
      await sleep(300);
      assert.equal(await analyticsRuns(visit), 0, 'analytics ran before a choice');
      assert.equal(requested(visit, 0, '/analytics.js'), false, 'the gated script was fetched before a choice');
      assert.deepEqual((await storageSnapshot(visit)).cookies, [], 'a cookie before a choice');

      await visit.click(bannerButton('reject-all'));
      await visit.waitFor(BANNER, { state: 'hidden' });
      await settledState(visit, (s) => s.decided, 'the refusal');
      assert.ok((await visit.cookies()).some((c) => c.name === CONSENT_COOKIE), 'the refusal was not stored');

      const since = visit.requests.length;
      await load(visit, '/');
      await sleep(300);
      assert.equal(await visit.evaluate(() => window.__bannerInserted), false, 'the banner came back after Reject all');
      assert.equal(await analyticsRuns(visit), 0, 'analytics ran after Reject all');
      assert.equal(requested(visit, since, '/analytics.js'), false);
      assert.deepEqual(stack.site.beacons(), [], 'the collector was hit without consent');
      assert.deepEqual(visit.errors, [], 'console or page errors');
    } finally {
      await visit.close();
    }
  });

  it('Accept all runs the analytics; a returning visitor gets it again with no banner, not for a frame', async () => {
    const visit = await openPage(stack);
    try {
      await visit.addInitScript(watchForBanner);
      await load(visit, '/');
      await visit.click(bannerButton('accept-all'));
      await visit.waitForFunction(() => window.__analyticsRuns === 1, null, { message: 'analytics to run after Accept all' });
      await visit.waitFor(BANNER, { state: 'hidden' });

      await load(visit, '/');
      await visit.waitForFunction(() => window.__analyticsRuns === 1, null, { message: 'analytics to run for the returning visitor' });
      await sleep(300);
      assert.equal(await visit.evaluate(() => window.__bannerInserted), false, 'the banner flashed for a returning visitor');
      assert.equal((await settledState(visit)).granted.includes('analytics'), true);
      assert.ok(stack.site.beacons().some((b) => b.path === '/collect'), 'the analytics hit never reached the collector');
      assert.deepEqual(visit.errors, [], 'console or page errors');
    } finally {
      await visit.close();
    }
  });
});

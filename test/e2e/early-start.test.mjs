// A returning visitor on the README's minimal snippet, while the config is
// still on its way: the stored choice applies at once (judged by the copy of
// the last config that passed, kept beside the choice), so consented analytics
// runs without waiting for the config; when the config arrives with a new
// revision, what ran is stopped (a reload) and the visitor is asked again.
// The config is served by a handler that holds the response until the test
// releases it, so "before the config arrived" is a fact, not a race.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BANNER, bannerButton, eventually, load, openPage, repo, settledState, sleep, useStack } from './helpers.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'consentry-early-'));
writeFileSync(
  path.join(root, 'index.html'),
  `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Early start</title>
  <link rel="icon" href="data:,">
  <script src="/consentry/consentry.js" data-config="/held/consent.json"></script>
  <script type="text/plain" data-consent="analytics" src="/analytics.js"></script>
</head>
<body><main><h1>An article</h1></main></body>
</html>
`,
);
writeFileSync(path.join(root, 'analytics.js'), `window.__analyticsRuns = (window.__analyticsRuns ?? 0) + 1;\n`);

const base = JSON.parse(readFileSync(path.join(repo, 'demo/consent.json'), 'utf8'));
delete base.$validated;
base.receipts = undefined; // no receipts endpoint in this journey
const served = { config: base, held: null, requests: 0 };
/** Holds the next config responses until `release()`. */
const hold = () => {
  let release;
  served.held = new Promise((r) => (release = r));
  return () => {
    served.held = null;
    release();
  };
};

describe('a returning visitor’s early start (minimal snippet, config held back)', () => {
  const stack = useStack({
    root,
    buildAt: '/consentry/',
    handlers: {
      '/held/consent.json': async (req, res) => {
        served.requests++;
        await served.held;
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(served.config));
      },
    },
  });

  it('runs the consented analytics before the config arrives; a new revision then stops it and asks again', async () => {
    const visit = await openPage(stack);
    try {
      await load(visit, '/');
      await visit.click(bannerButton('accept-all'));
      await visit.waitForFunction(() => window.__analyticsRuns === 1, null, { message: 'analytics after Accept all' });
      await settledState(visit, (s) => s.decided);

      // The next page view: the config is held back; the analytics runs all the same.
      let release = hold();
      const asked = served.requests;
      await visit.goto('/');
      await visit.waitForFunction(() => window.__analyticsRuns === 1, null, { message: 'analytics before the config arrived' });
      assert.ok(served.requests > asked, 'the config was requested');
      assert.equal(await visit.evaluate(() => window.Consentry), undefined, 'the core is still waiting for its config');
      release();
      const s = await settledState(visit);
      assert.ok(s.granted.includes('analytics'));
      assert.equal(await visit.evaluate(() => window.__analyticsRuns), 1, 'run once');
      assert.equal(await visit.isVisible(BANNER), false);

      // The site bumps the revision: the early start runs the analytics on the old copy,
      // the config then takes it back: the page reloads and the visitor is asked.
      served.config = { ...base, revision: base.revision + 1 };
      release = hold();
      await visit.goto('/');
      await visit.waitForFunction(() => window.__analyticsRuns === 1, null, { message: 'analytics on the old copy' });
      release();
      await eventually(() => visit.isVisible(BANNER).catch(() => false), { message: 'the banner after the reload' });
      await sleep(300);
      assert.equal(await visit.evaluate(() => window.__analyticsRuns ?? 0), 0, 'analytics on the reloaded page');
      assert.equal((await settledState(visit)).decided, false);

      // And from then on nothing starts early: the next page waits for its config.
      release = hold();
      await visit.goto('/');
      await sleep(300);
      assert.equal(await visit.evaluate(() => window.__analyticsRuns ?? 0), 0, 'nothing early after the new revision');
      release();
      await eventually(() => visit.isVisible(BANNER).catch(() => false), { message: 'the banner again' });
      assert.deepEqual(visit.errors, [], 'console or page errors');
    } finally {
      served.held = null;
      await visit.close();
    }
  });
});

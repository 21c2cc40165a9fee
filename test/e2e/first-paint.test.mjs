// The README's first snippet does not hold the page's first paint: the core is
// served a second late here, and the page's text is painted before it arrives
// (a blocking <script> in <head> would stop the parser, and the first paint,
// until it came). The banner still comes, once the core and its config are in.
// An ordering fact (paint before the script's response), not a timing figure:
// timings are the benchmark's.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { load, openPage, readmeSnippet, repo, useStack, waitForBanner } from './helpers.mjs';

const SNIPPET = readmeSnippet();

const root = mkdtempSync(path.join(tmpdir(), 'consentry-first-paint-'));
writeFileSync(
  path.join(root, 'index.html'),
  `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>First paint</title>
  <link rel="icon" href="data:,">
  ${SNIPPET}
</head>
<body>
  <main><h1>An article</h1><p>Text the visitor can read at once.</p></main>
</body>
</html>
`,
);
const config = JSON.parse(readFileSync(path.join(repo, 'demo/consent.json'), 'utf8'));
writeFileSync(path.join(root, 'consent.json'), JSON.stringify(config));
const DELAY_MS = 1000;
const core = () => readFileSync(path.join(process.env.E2E_DIST ?? path.join(repo, 'dist'), 'consentry.js'));

describe("the README's first snippet and the page's first paint", () => {
  const stack = useStack({
    root,
    buildAt: '/consentry/',
    handlers: {
      '/consentry/consentry.js': (req, res) =>
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(core()), DELAY_MS),
    },
  });

  it('paints the page before a late core has arrived, and shows the banner once it has', async () => {
    const visit = await openPage(stack);
    try {
      await load(visit, '/');
      await waitForBanner(visit);
      const { fcp, coreEnd } = await visit.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        coreEnd: performance.getEntriesByType('resource').find((r) => r.name.endsWith('/consentry/consentry.js'))?.responseEnd ?? null,
      }));
      assert.ok(coreEnd !== null, 'the core was not fetched');
      assert.ok(fcp !== null, 'no first-contentful-paint entry');
      assert.ok(fcp < coreEnd, `the first paint (${fcp.toFixed(0)} ms) waited for the core (arrived ${coreEnd.toFixed(0)} ms)`);
      assert.deepEqual(visit.errors, [], 'console or page errors');
    } finally {
      await visit.close();
    }
  });
});

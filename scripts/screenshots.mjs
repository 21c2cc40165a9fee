#!/usr/bin/env node
// Screenshots for the README: the banner and the preference centre on the
// demo's home page, light and dark, at 1280×800 and 320 px wide, written to
// docs/screenshots/. Build first (`npx rollup -c`).
//
//   node scripts/screenshots.mjs
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo/server.mjs';
import { launchChromium } from './chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'docs/screenshots');

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  '320': { width: 320, height: 640 },
};
const SCHEMES = ['light', 'dark'];

if (!existsSync(path.join(repo, 'dist/consentry.js'))) {
  console.error('dist/consentry.js is missing: run `npx rollup -c` first.');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

// No decision is made, so no receipt is posted: the receipts server is not needed.
const site = await startDemoServer({ quiet: true });
const browser = await launchChromium(['--hide-scrollbars']);
const written = [];
try {
  for (const scheme of SCHEMES) {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce', locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(site.url);
      const banner = page.locator('consentry-banner [part~="banner"]');
      await banner.waitFor({ state: 'visible', timeout: 10000 });
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(300);
      const bannerFile = path.join(out, `banner-${scheme}-${size}.png`);
      await page.screenshot({ path: bannerFile });
      written.push(bannerFile);

      await page.locator('consentry-banner [part~="manage"]').click();
      await page.locator('consentry-preferences [part~="dialog"]').waitFor({ state: 'visible', timeout: 10000 });
      await page.waitForTimeout(300);
      const prefsFile = path.join(out, `preferences-${scheme}-${size}.png`);
      await page.screenshot({ path: prefsFile });
      written.push(prefsFile);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(written.map((file) => path.relative(repo, file)).join('\n'));

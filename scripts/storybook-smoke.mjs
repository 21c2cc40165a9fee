// Headless smoke pass over the built Storybook: serves storybook-static on
// 127.0.0.1, opens every story from index.json in Chromium and fails on any
// console error, page error or story error display. Run after
// `npm run build:storybook` (`npm run test:stories` does both).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from './chromium.mjs';

const ROOT = new URL('../storybook-static/', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.md': 'text/plain',
};
// Stories of these elements must show the element itself, not just render something.
const OWN = { 'consentry-banner': 'consentry-banner', 'consentry-preferences': 'consentry-preferences dialog', 'consentry-placeholder': 'consentry-placeholder' };
const STORY_TIMEOUT = 15_000;

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  if (path == '/favicon.ico') return res.writeHead(204).end();
  const file = normalize(join(ROOT, path.endsWith('/') ? path + 'index.html' : path));
  if (!file.startsWith(ROOT)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();

const failures = [];
let count = 0;
try {
  const index = await (await fetch(`${base}/index.json`)).json();
  const stories = Object.values(index.entries).filter((e) => e.type == 'story');
  if (!stories.length) throw new Error('index.json lists no stories');
  for (const story of stories) {
    count++;
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() == 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    try {
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { timeout: STORY_TIMEOUT });
      await page.waitForSelector('body.sb-show-main, body.sb-show-errordisplay', { timeout: STORY_TIMEOUT });
      if (await page.$('body.sb-show-errordisplay')) errors.push(`story error: ${(await page.textContent('#error-message')) ?? ''}`);
      const own = Object.entries(OWN).find(([name]) => story.importPath.includes(name));
      if (own) await page.waitForSelector(own[1], { state: 'attached', timeout: STORY_TIMEOUT });
      // Let play functions, lazy chunks and late errors settle.
      await page.waitForTimeout(300);
    } catch (e) {
      errors.push(`load: ${e.message.split('\n')[0]}`);
    }
    if (errors.length) failures.push(`${story.id}\n    ${errors.join('\n    ')}`);
    console.log(`${errors.length ? '✗' : '✓'} ${story.id}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.error(`\n${failures.length} of ${count} stories failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`\n${count} stories loaded with no console error.`);

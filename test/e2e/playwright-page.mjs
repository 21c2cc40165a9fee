/**
 * Locators for the Chromium-only suites that drive a Playwright page
 * directly (they need Chromium's `--host-resolver-rules`, which the other
 * engines have no flag for). Engine-neutral tests use `Visit` from helpers.mjs.
 * Playwright's CSS locators pierce open shadow roots.
 */
import { ENGINE } from './helpers.mjs';

/** Options for a `describe` that runs in Chromium only: elsewhere node:test reports it skipped, with the reason. */
export const chromiumOnly = (reason) => (ENGINE === 'chromium' ? {} : { skip: `runs in chromium only: ${reason}` });

export const banner = (page) => page.locator('consentry-banner [part~="banner"]');
export const bannerButton = (page, part) => page.locator(`consentry-banner [part~="${part}"]`);
export const dialog = (page) => page.locator('consentry-preferences [part~="dialog"]');
export const dialogButton = (page, part) => page.locator(`consentry-preferences [part~="${part}"]`);
export const reopenButton = (page) => page.locator('consentry-reopen button, consentry-reopen [role="button"]').first();

export async function waitForBanner(page) {
  await banner(page).waitFor({ state: 'visible', timeout: 10000 });
}

export async function waitForReady(page) {
  await page.waitForFunction(() => typeof window.Consentry?.getState === 'function', null, { timeout: 10000 });
}

export async function state(page) {
  return page.evaluate(() => window.Consentry.getState());
}

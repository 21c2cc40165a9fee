/**
 * Test helpers for the UI elements: boots the REAL core with a chunk loader
 * that imports the UI, validator and policy modules from source, exactly as
 * the script-tag build does by URL, and undoes it afterwards.
 */
import { boot, reset } from './core/core.harness.js';
import type { CoreEnv } from './core/env.js';
import type { ChunkName, ConsentApi, ConsentryConfig } from './core/types.js';
import { CHUNKS } from './chunks.js';

/** The config from PRODUCT.md (test/fixtures), without a receipts endpoint: no network in component tests. */
export const productConfig = async (): Promise<ConsentryConfig> => {
  const config = (await (await fetch('/test/fixtures/configs/product-example.json')).json()) as ConsentryConfig;
  delete config.receipts;
  return config;
};

/** The product config plus an embeddable video service under marketing. */
export const configWithVideo = async (): Promise<ConsentryConfig> => {
  const config = await productConfig();
  config.categories
    .find((c) => c.id == 'marketing')
    ?.services?.push({
      id: 'youtube',
      name: 'YouTube',
      cookies: [{ name: 'VISITOR_INFO1_LIVE', provider: 'Google', purpose: 'Remembers video settings.', duration: '6 months' }],
    });
  return config;
};

/** The chunks the script-tag build loads by URL, from source. */
export const loadChunk = (chunk: ChunkName): Promise<unknown> => CHUNKS[chunk]();

/** Boots the real core with the UI chunk; the core itself decides to show the banner. */
export const bootUi = async (config?: ConsentryConfig, env: Partial<CoreEnv> = {}): Promise<ConsentApi> =>
  boot(config ?? (await productConfig()), { load: loadChunk, ...env });

/** Removes every element the UI added and the space the banner reserved. */
export const resetUi = async (): Promise<void> => {
  await reset();
  for (const el of document.querySelectorAll('consentry-banner, consentry-preferences, consentry-placeholder, consentry-reopen'))
    el.remove();
  document.documentElement.style.removeProperty('scroll-padding-bottom');
};

/** The focused element, looking through shadow roots. */
export const deepActiveElement = (): Element | null => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
};

/** Polls `read` once a frame until it returns something truthy (at most `ms`). */
export const waitFor = async <T>(read: () => T | null | undefined | false, ms = 3000): Promise<T> => {
  const end = performance.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() > end) throw new Error(`waitFor: nothing after ${ms} ms: ${read.toString()}`);
    await new Promise(requestAnimationFrame);
  }
};

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core on `element` with the WCAG 2.2 AA tags; returns `rule: target` lines, empty when clean. */
export const axeViolations = async (element: Element, extraTags: string[] = []): Promise<string[]> => {
  const w = window as unknown as { axe?: typeof import('axe-core') };
  // @ts-expect-error axe.min.js is a UMD script without types; it registers window.axe.
  if (!w.axe) await import('axe-core/axe.min.js');
  const axe = w.axe as typeof import('axe-core');
  const results = await axe.run(element, { runOnly: { type: 'tag', values: [...WCAG_TAGS, ...extraTags] }, resultTypes: ['violations'] });
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
};

/**
 * What the Consentry stories share: the PRODUCT.md config and the REAL core,
 * booted with a chunk loader that serves the UI, decide, validate and policy
 * modules from source, as the script-tag build does by URL. Each boot first
 * tears down the previous story's core and elements, so stories do not leak
 * into one another in Storybook's single preview frame.
 */
import { createConsentry } from '../src/core/init';
import type { CoreEnv } from '../src/core/env';
import type { ChunkName, ConsentApi, ConsentryConfig } from '../src/core/types';
import { CHUNKS } from '../src/chunks';
import product from '../test/fixtures/configs/product-example.json';

const COOKIE = 'consentry-story';

const chunks: Record<ChunkName, () => Promise<unknown>> = CHUNKS;

/** The example config from PRODUCT.md, without receipts (stories make no network calls), edited by `patch`. */
export const storyConfig = (patch?: (config: ConsentryConfig) => void): ConsentryConfig => {
  const config = structuredClone(product) as ConsentryConfig;
  delete config.receipts;
  config.cookie = { name: COOKIE };
  patch?.(config);
  return config;
};

let live: ConsentApi[] = [];

/** Removes what earlier stories left: cores, elements, the consent cookie, page language and direction. */
export const resetStories = (): void => {
  for (const api of live) api.destroy();
  live = [];
  for (const el of document.querySelectorAll('consentry-banner, consentry-preferences, consentry-placeholder, consentry-reopen'))
    el.remove();
  document.cookie = `${COOKIE}=; Max-Age=0; Path=/`;
  document.documentElement.style.removeProperty('scroll-padding-bottom');
  document.documentElement.removeAttribute('dir');
  document.documentElement.lang = 'en';
};

/** Boots the real core for a story; it shows the banner (or placeholders) itself. */
export const bootStory = async (config: ConsentryConfig, env: Partial<CoreEnv> = {}): Promise<ConsentApi> => {
  resetStories();
  const api = await createConsentry(config, { load: (chunk) => chunks[chunk](), gpc: false, storage: null, ...env });
  live.push(api);
  return api;
};

/** Waits (a bounded number of frames) for `read` to return something. */
export const whenReady = async <T>(read: () => T | null | undefined, frames = 300): Promise<T> => {
  for (let i = 0; i < frames; i++) {
    const value = read();
    if (value) return value;
    await new Promise(requestAnimationFrame);
  }
  throw new Error('consentry story: element did not appear');
};

/** A stand-in page behind the UI, so layouts and overlays can be judged. */
export const pageBehind = (): HTMLElement => {
  const main = document.createElement('main');
  const h1 = document.createElement('h1');
  h1.textContent = 'Keyhold Inventories';
  const p = document.createElement('p');
  p.textContent =
    'Independent inventory clerks for tenancy check-ins, check-outs and deposit disputes across the south-west. This page stands behind the consent UI.';
  const button = document.createElement('button');
  button.textContent = 'Book a check-in';
  main.append(h1, p, button);
  return main;
};

/**
 * Helpers shared by the core's specs: boot a headless core (no chunks) on the
 * test page and undo everything it did afterwards.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { createConsentry } from './init.js';
import type { CoreEnv } from './env.js';
import type { ChunkName, ConsentApi, ConsentryConfig, PlaceholderModule, UiModule } from './types.js';
import { CHUNKS } from '../chunks.js';

export const exampleConfig = (): ConsentryConfig => ({
  revision: 1,
  jurisdiction: 'GB',
  language: 'en',
  policy: { url: '/privacy', version: '2026-05-01' },
  cookie: { name: 'consentry', consentDays: 182, refusalDays: 182 },
  consentMode: { enabled: true },
  gpc: { honour: true },
  categories: [
    {
      id: 'necessary',
      basis: 'strictly-necessary',
      title: 'Strictly necessary',
      description: 'Needed for the site to work.',
      services: [
        {
          id: 'site',
          name: 'This website',
          cookies: [{ name: 'consentry', provider: 'this website', purpose: 'Remembers your choice.', duration: '6 months', justification: 'PECR Sch. A1 para 4.' }],
        },
      ],
    },
    {
      id: 'functional',
      basis: 'consent',
      title: 'Functional',
      description: 'Remembers settings.',
      services: [
        { id: 'preferences', name: 'Site preferences', cookies: [{ name: 'prefs', provider: 'this website', purpose: 'Display settings.', duration: '1 year' }], storage: ['prefs:*'] },
      ],
    },
    {
      id: 'analytics',
      basis: 'consent',
      title: 'Analytics',
      description: 'How the site is used.',
      consentMode: ['analytics_storage'],
      services: [
        {
          id: 'ga4',
          name: 'Google Analytics',
          cookies: [
            { name: '_ga', provider: 'Google', purpose: 'Distinguishes visitors.', duration: '13 months' },
            { name: '_ga_*', provider: 'Google', purpose: 'Session state.', duration: '13 months' },
          ],
        },
      ],
    },
    {
      id: 'marketing',
      basis: 'consent',
      title: 'Marketing',
      description: 'Adverts.',
      consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
      services: [
        { id: 'meta', name: 'Meta Pixel', cookies: [{ name: '_fbp', provider: 'Meta', purpose: 'Conversions.', duration: '3 months' }] },
        { id: 'video', name: 'Video', cookies: [] },
      ],
    },
  ],
});

let live: ConsentApi[] = [];

/** What the core asked the (recording) UI to do. */
export const uiCalls: string[] = [];
const recordingUi: UiModule = {
  showBanner: () => void uiCalls.push('showBanner'),
  openPreferences: async (_api, opener) => void uiCalls.push('openPreferences:' + (opener?.tagName ?? '')),
};
const recordingPlaceholders: PlaceholderModule = {
  mountPlaceholders: async () => void uiCalls.push('mountPlaceholders'),
};

/** Every chunk the core asked for, in order. */
export const loads: ChunkName[] = [];

/** Loads the real decide and validate chunks; the UI is the recorder above (the elements have their own specs). */
export const chunks = (chunk: ChunkName): Promise<unknown> => {
  loads.push(chunk);
  return chunk === 'decide'
    ? import('./decide.js')
    : chunk === 'validate'
      ? import('../validate/index.js')
      : chunk === 'ui'
        ? Promise.resolve(recordingUi)
        : chunk === 'placeholder'
          ? Promise.resolve(recordingPlaceholders)
          : chunk.startsWith('i18n/')
          ? CHUNKS[chunk]()
          : new Promise(() => {});
};

/** A core on the test page with the real chunks and no GPC unless the test says. */
export const boot = async (config = exampleConfig(), env: Partial<CoreEnv> = {}): Promise<ConsentApi> => {
  const api = await createConsentry(config, { gpc: false, storage: localStorage, load: chunks, ...env });
  live.push(api);
  return api;
};

/** Undo every core booted by the spec, its cookies, storage and Consent Mode globals. */
export const reset = async (): Promise<void> => {
  for (const api of live) api.destroy();
  live = [];
  uiCalls.length = 0;
  loads.length = 0;
  document.querySelectorAll('consentry-reopen').forEach((el) => el.remove());
  await executeServerCommand('clear-cookies');
  localStorage.clear();
  const w = window as unknown as Record<string, unknown>;
  delete w.dataLayer;
  delete w.gtag;
  delete w.__ran;
  document.querySelectorAll('[data-test]').forEach((el) => el.remove());
};

export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  secure: boolean;
  sameSite: string;
  httpOnly: boolean;
}

export const browserCookies = (): Promise<BrowserCookie[]> => executeServerCommand<BrowserCookie[], undefined>('get-cookies');

/** Appends markup to the body (marked for `reset`) and returns its root. */
export const addToPage = (markup: string): HTMLElement => {
  const box = document.createElement('div');
  box.dataset.test = '';
  // Test fixtures are trusted strings written in the spec.
  box.innerHTML = markup;
  document.body.append(box);
  return box;
};

/** Executable copies of script elements have to be created by DOM calls, not innerHTML. */
export const addScript = (attrs: Record<string, string>, text = ''): HTMLScriptElement => {
  const s = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  s.text = text;
  s.dataset.test = '';
  document.body.append(s);
  return s;
};

export const ran = (): string[] => ((window as unknown as { __ran?: string[] }).__ran ??= []);

export const nextTask = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves with what `read` returns once it is truthy (polled each task, 3 s at most). */
export const waitUntil = async <T>(read: () => T | null | undefined | false, ms = 3000): Promise<T> => {
  for (const end = Date.now() + ms; Date.now() < end; await nextTask(10)) {
    const value = read();
    if (value) return value;
  }
  throw new Error('waitUntil: timed out');
};

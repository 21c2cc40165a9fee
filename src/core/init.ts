/**
 * The core a returning visitor loads, as wiring read top to bottom: the
 * config, this page view and the stored record go into the consent store
 * (which holds every rule); the store's state drives Consent Mode, the gate
 * and the floating button; everything else loads only when it is needed —
 * the banner and preferences (`ui`), the field-path validator (`validate`),
 * the cookie writer and receipts (`decide`), the policy viewer (`policy`).
 */
import { assertReadable, ConfigError, resolveJurisdiction } from './config.js';
import { decodeRecord, fnv, readCookie } from './consent-cookie.js';
import { consentDefault, consentUpdate } from './consent-mode.js';
import { createConsentStore } from './consent-store.js';
import type { DecideContext, Decider, DecisionCall, TabMessage } from './decide.js';
import { browserEnv, type CoreEnv } from './env.js';
import { LANGUAGES, resolveLanguage } from './language.js';
import { QUEUE_KEY } from './receipt-queue.js';
import { mountReopenButton } from './reopen-button.js';
import { createGate } from './script-gate.js';
import { enCore } from '../i18n/en-core.js';
import type {
  ChunkName,
  ConsentApi,
  ConsentryConfig,
  DecisionMethod,
  PlaceholderModule,
  PolicyModule,
  UiModule,
  ValidateModule,
} from './types.js';

/** The API's decisions: each a stub here, read and ruled on by the decide chunk (`CALLS` in decide.ts). */
const DECISION_METHODS = ['acceptAll', 'rejectAll', 'save', 'withdraw', 'object', 'allowService'] as const satisfies readonly DecisionMethod[];

export const createConsentry = async (input: ConsentryConfig, partial: Partial<CoreEnv> = {}): Promise<ConsentApi> => {
  // 1. The config, this page view and the stored choice, into the store.
  const env = browserEnv(partial);
  const doc = env.document;
  const config = assertReadable(input);
  const language = resolveLanguage(
    [config.language, doc.documentElement.lang, ...navigator.languages],
    Object.keys(config.texts ?? {}),
  );
  const store = createConsentStore(
    config,
    { jurisdiction: resolveJurisdiction(config, env.jurisdiction), gpc: env.gpc, language },
    decodeRecord(readCookie(config.cookie?.name ?? 'consentry')),
    env.now(),
  );
  const consentMode = config.consentMode?.enabled;

  // 2. Before anything asynchronous: the default must precede every tag on the page.
  if (consentMode) consentDefault(config);

  // 3. The chunks, each fetched once when first needed.
  const load = <T>(chunk: ChunkName) => env.load(chunk) as Promise<T>;
  // A cache key only (the receipt's sha256 configHash is the decide chunk's): the
  // same digest `consentry check --stamp` writes into a config that passed.
  const configKey = fnv(JSON.stringify({ ...config, $validated: undefined }));
  let ui: Promise<UiModule> | undefined;
  const loadUi = () => (ui ??= load<UiModule>('ui'));
  let decider: Decider | undefined;
  let deciding: Promise<Decider> | undefined;
  const context: DecideContext = { config, env, store, configKey };
  // Called only once the config passed (step 7): the decide chunk sends receipts, even queued ones.
  const loadDecider = () =>
    (deciding ??= load<{ createDecider: (c: DecideContext) => Decider }>('decide').then(
      (m) => (decider = m.createDecider(context)),
      (e: unknown) => {
        deciding = undefined; // a failed download is tried again at the next decision
        throw e;
      },
    ));

  // 4. The config check costs a chunk: skipped when the CLI stamped this exact
  // config as valid, or when it was checked before the stored choice was made.
  // It runs beside the banner (below), never ahead of it.
  const checking =
    config.$validated === configKey || store.record?.configHash === configKey
      ? null
      : load<ValidateModule>('validate').then((m) => {
          const issues = m.issueLines(config);
          if (issues.length) throw new ConfigError(issues);
        });
  // Set when the check fails: the banner goes (or never comes) and nothing is decided.
  let broken: unknown;

  // 5. The page: the UI once the body is there, the gate (once the config passed), the floating button.
  // (DOMContentLoaded fires once: the listener needs no `once`.)
  const whenBody = (fn: () => void) => (doc.body ? fn() : doc.addEventListener('DOMContentLoaded', fn));
  // The policy viewer, on the page now or added later (a single-page app's route): loaded once.
  let policy: Promise<void> | undefined;
  const findPolicy = () =>
    void (doc.querySelector('consentry-policy') && (policy ??= load<PolicyModule>('policy').then((m) => m.definePolicy(api))));
  // Blocked embeds get placeholders from a chunk of their own (no lit): a returning page with an embed stays small.
  const placeholders = () =>
    void load<PlaceholderModule>('placeholder').then((m) => whenBody(() => void m.mountPlaceholders(api)), console.error);
  // Created once the config has passed (step 7); read by closures defined before that.
  let gate: ReturnType<typeof createGate> | undefined;

  // The floating button, drawn by the core (no chunk: it is on screen without a
  // round trip after the core). Its label comes from the same tables as the UI's:
  // the override, else the language's file (one small chunk), else English.
  // (That file, ~0.4 kB, is the one request a non-English returning visitor still
  // makes for it; the 31 labels in the core instead would cost 525 B brotli.)
  // `false` also once destroyed.
  let reopenAt = config.ui?.reopenButton;
  const reopenLabel = async (): Promise<string> =>
    config.texts?.[language]?.reopen ??
    ((language != 'en' &&
      LANGUAGES.includes(language) &&
      (await load<{ default: typeof enCore }>(`i18n/${language}` as ChunkName).catch(() => null))?.default.reopen) ||
      enCore.reopen);
  const mountReopen = () =>
    reopenAt !== false &&
    void reopenLabel().then(
      (label) => whenBody(() => reopenAt !== false && mountReopenButton(doc, label, reopenAt, api.openPreferences)),
      console.error,
    );

  // 6. A decision or the stored choice, applied to the page: Consent Mode, then the gate.
  const apply = () => {
    if (consentMode && store.record) consentUpdate(config, store.state.granted);
    gate?.apply();
  };
  // Every decision is the decide chunk's (store, tell, erase, receipt); the page part is ours.
  const applied = () => {
    apply();
    mountReopen();
  };
  // The API's decisions are stubs that hand their call to the decide chunk, which
  // reads its arguments and applies the rules (a decision follows a click or a
  // signal: fetching the chunk then costs the visitor nothing they would notice).
  // A click on the banner before the check has passed waits for step 7 (and fails with the check).
  const decide = async (call: DecisionCall, args: unknown[]) => {
    await started;
    return (await loadDecider()).call(call, args, applied);
  };

  const onOpenClick = (e: MouseEvent) => {
    const opener = (e.target as Element | null)?.closest?.('[data-consentry-open]');
    if (opener) {
      e.preventDefault();
      void api.openPreferences(opener);
    }
  };

  const api = {
    config,
    get: (c, s) => store.state.granted.includes(c) || (!!s && store.state.services.includes(`${c}:${s}`)),
    getState: () => structuredClone(store.state),
    onChange: store.subscribe,
    needsChoice: () => !broken && !store.state.decided,
    openPreferences: async (opener) => {
      await started;
      void loadDecider();
      await (await loadUi()).openPreferences(api, opener ?? doc.activeElement);
    },
    destroy: () => {
      gate?.disconnect();
      context.tabs?.close();
      decider?.stop();
      store.clear();
      doc.removeEventListener('click', onOpenClick);
      reopenAt = false;
      doc.querySelector('consentry-reopen')?.remove();
    },
  } as ConsentApi;
  for (const name of DECISION_METHODS)
    (api as Record<DecisionMethod, (...args: unknown[]) => Promise<void>>)[name] = (...args) => decide(name, args);

  // 7. Once the config passed: the gate applies the stored choice, and the core
  // follows the visitor's other tabs from here on: a decision there is applied
  // here (the decide chunk posts ours). Every decision, the preference centre
  // and the decide chunk wait for this step, not just for the check, so none
  // can run ahead of the gate or the tab channel.
  const start = () => {
    gate = createGate(doc, api.get, placeholders, findPolicy);
    apply();
    doc.addEventListener('click', onOpenClick);
    (context.tabs = new BroadcastChannel('consentry')).onmessage = (e: MessageEvent<TabMessage>) =>
      void loadDecider().then((d) => d.follow(e.data, applied));
    // First visit: the decide chunk (cookie writer, receipts) is fetched as the
    // visitor's pointer goes down or a key is pressed, ahead of the click: a visit
    // that only reads the page never pays for it.
    if (!store.record) for (const type of ['pointerdown', 'keydown']) doc.addEventListener(type, () => void loadDecider().catch(() => {}));
  };
  // A broken config fails closed: the banner goes and nothing can be decided.
  const started = checking?.then(start, (e: unknown) => {
    broken = e;
    doc.querySelector('consentry-banner')?.remove();
    throw e;
  });
  // A stamped or already checked config: at once, so the stored choice is applied in this task.
  if (!checking) start();

  // 8. First visit: the banner needs only texts and categories, so it is shown
  // while the config is checked (it renders in the task that has the UI chunk,
  // the config and <body>). Everything optional waits for the check: a broken
  // config takes the banner away again and fails closed.
  // The body is looked for once the chunk is here: by then the parser has usually
  // reached <body>, and waiting for DOMContentLoaded would cost frames.
  if (!store.record) void loadUi().then((m) => whenBody(() => m.showBanner(api)), console.error);
  await started;

  // Receipts an earlier page could not deliver.
  if (env.storage?.getItem(QUEUE_KEY)) void loadDecider().then((d) => d.flush());
  // The signal is new since the stored choice: recorded once (the record now has it).
  if (store.signalIsNew()) await decide('gpc', []);
  if (store.record) mountReopen();

  findPolicy();
  doc.dispatchEvent(new CustomEvent('consentry:ready', { detail: { state: api.getState() } }));
  return api;
};

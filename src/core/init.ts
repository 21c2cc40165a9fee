/**
 * The core a returning visitor loads: reads the record, decides what is
 * allowed, drives Consent Mode and the gate, and loads everything else only
 * when it is needed — the banner and preferences (`ui`), the field-path
 * validator (`validate`), the cookie writer and receipts (`decide`), the
 * policy viewer (`policy`).
 */
import { assertReadable, ConfigError, DEFAULT_DAYS, effectiveBasis, isAdvertising, resolveJurisdiction } from './config.js';
import { decodeRecord, fnv, readCookie, type ConsentRecord } from './consent-cookie.js';
import { consentDefault, consentUpdate } from './consent-mode.js';
import type { DecideContext, Decider } from './decide.js';
import { browserEnv, type CoreEnv } from './env.js';
import { QUEUE_KEY } from './receipt-queue.js';
import { LANGUAGES, resolveLanguage } from './language.js';
import { enCore } from '../i18n/en-core.js';
import { mountReopenButton } from './reopen-button.js';
import { createGate } from './script-gate.js';
import type {
  Action,
  ChangeDetail,
  ChunkName,
  ConsentApi,
  ConsentryConfig,
  ConsentState,
  Method,
  PolicyModule,
  UiModule,
  ValidateModule,
} from './types.js';

const DAY = 864e5;

export const createConsentry = async (input: ConsentryConfig, partial: Partial<CoreEnv> = {}): Promise<ConsentApi> => {
  const env = browserEnv(partial);
  const doc = env.document;
  const config = assertReadable(input);
  const cats = config.categories;
  const ids = cats.map((c) => c.id);
  const jurisdiction = resolveJurisdiction(config, env.jurisdiction);
  const bases = Object.fromEntries(cats.map((c) => [c.id, effectiveBasis(c, jurisdiction)]));
  const necessary = ids.filter((id) => bases[id] === 'strictly-necessary');
  const optional = ids.filter((id) => !necessary.includes(id));
  const objection = ids.filter((id) => bases[id] === 'objection');
  const ads = cats.filter(isAdvertising).map((c) => c.id);
  const services = cats.flatMap((c) => c.services?.map((s) => c.id + ':' + s.id) ?? []);
  const gpc = env.gpc && config.gpc?.honour !== false;
  const consentMode = config.consentMode?.enabled;
  const language = resolveLanguage(
    [config.language, doc.documentElement.lang, ...navigator.languages],
    Object.keys(config.texts ?? {}),
  );
  const lifetime = (granted: string[]) =>
    (granted.some((id) => bases[id] === 'consent') ? config.cookie?.consentDays : config.cookie?.refusalDays) ??
    DEFAULT_DAYS;

  // Before anything asynchronous: the default must precede every tag on the page.
  if (consentMode) consentDefault(config);

  const load = <T>(chunk: ChunkName) => env.load(chunk) as Promise<T>;
  // A cache key only (the receipt's sha256 configHash is the decide chunk's): the
  // same digest `consentry check --stamp` writes into a config that passed.
  const configKey = fnv(JSON.stringify({ ...config, $validated: undefined }));

  /** The stored record, if it is valid for this config and this moment. */
  const readRecord = (): ConsentRecord | null => {
    const r = decodeRecord(readCookie(config.cookie?.name ?? 'consentry'));
    const now = env.now();
    return r &&
      r.revision === config.revision &&
      r.granted.every((id) => optional.includes(id)) &&
      r.services.every((s) => services.includes(s)) &&
      r.at <= now + DAY &&
      now - r.at < lifetime(r.granted) * DAY
      ? r
      : null;
  };

  let record = readRecord();
  const compute = (): ConsentState => {
    const on = record ? record.granted : gpc ? [] : objection;
    const granted = ids.filter((id) => necessary.includes(id) || on.includes(id));
    return {
      subject: record?.subject ?? null,
      decided: !!record,
      granted,
      denied: ids.filter((id) => !granted.includes(id)),
      services: record?.services ?? [],
      bases,
      decidedAt: record?.at ?? null,
      policyVersion: record?.policyVersion ?? null,
      revision: config.revision,
      jurisdiction,
      gpc: env.gpc,
      language,
    };
  };
  let state = compute();

  let ui: Promise<UiModule> | undefined;
  const loadUi = () => (ui ??= load<UiModule>('ui'));
  let decider: Decider | undefined;
  let deciding: Promise<Decider> | undefined;
  const context: DecideContext = { config, env, jurisdiction, language, bases, lifetime, configKey };
  const loadDecider = () =>
    (deciding ??= load<{ createDecider: (c: DecideContext) => Decider }>('decide').then(
      (m) => (decider = m.createDecider(context)),
      (e: unknown) => {
        deciding = undefined; // a failed download is tried again at the next decision
        throw e;
      },
    ));

  // First visit: fetch the banner while the config is checked.
  if (!record) void loadUi().catch(() => {});
  // Validation costs a chunk: skip it when the CLI stamped this exact config as
  // valid, or when it was validated before the stored choice was made.
  if (config.$validated !== configKey && record?.configHash !== configKey) {
    const issues = (await load<ValidateModule>('validate')).validateConfig(config);
    if (issues.length) throw new ConfigError(issues.map((i) => `${i.path || 'config'}: ${i.message}`));
  }

  const whenBody = (fn: () => void) =>
    doc.body ? fn() : doc.addEventListener('DOMContentLoaded', fn, { once: true });
  // The body is looked for once the chunk is here: by then the parser has usually
  // reached <body>, and waiting for DOMContentLoaded would cost frames.
  const shown = (fn: (m: UiModule) => unknown) => void loadUi().then((m) => whenBody(() => fn(m)), console.error);

  const listeners = new Set<(detail: ChangeDetail, state: ConsentState) => void>();
  const gate = createGate(doc, (c, s) => api.get(c, s), () => shown((m) => m.mountPlaceholders(api)));

  // `false` also once destroyed, so a label still loading mounts nothing.
  let reopenAt = config.ui?.reopenButton;
  const mountReopen = () =>
    reopenAt !== false &&
    whenBody(
      () =>
        void reopenLabel().then(
          (label) =>
            reopenAt !== false &&
            mountReopenButton(doc, label, reopenAt ?? 'bottom-left', (opener) => {
              void api.openPreferences(opener);
            }),
        ),
    );
  // The floating button's label comes from the same tables as the UI's: the
  // override, else the language's file (one small chunk), else English.
  const reopenLabel = async (): Promise<string> => {
    const own = config.texts?.[language]?.reopen;
    const file =
      !own && language != 'en' && LANGUAGES.includes(language)
        ? await load<{ default: typeof enCore }>(`i18n/${language}` as ChunkName).catch(() => null)
        : null;
    return own ?? file?.default.reopen ?? enCore.reopen;
  };

  /** Every decision: store, recompute, erase what was withdrawn, update tags, queue the receipt, tell everyone. */
  const emit = (name: string, detail: unknown) => doc.dispatchEvent(new CustomEvent(name, { detail }));
  const decide = async (action: Action, by: Method | undefined, wanted: readonly string[], services = state.services) => {
    const method = by ?? 'api';
    const d = decider ?? (await loadDecider());
    const before = state;
    record = d.write(optional.filter((id) => wanted.includes(id)), [...new Set(services)], record);
    state = compute();
    if (consentMode) consentUpdate(config, state.granted);
    gate.apply();
    mountReopen();
    const detail: ChangeDetail = { granted: state.granted, denied: state.denied, action, method };
    emit('consentry:change', detail);
    for (const l of listeners) l(detail, api.getState());
    // Erasing what was withdrawn, the receipt, and the optional reload.
    await d.after(action, method, record, before, state);
  };

  const onOpenClick = (e: MouseEvent) => {
    const opener = (e.target as Element | null)?.closest?.('[data-consentry-open]');
    if (opener) {
      e.preventDefault();
      void api.openPreferences(opener);
    }
  };

  const api: ConsentApi = {
    config,
    acceptAll: (m) => decide('accept-all', m, gpc ? optional.filter((id) => !ads.includes(id)) : optional),
    rejectAll: (m) => decide('reject-all', m, []),
    save: (granted, m) =>
      decide('custom', m, gpc && config.gpc?.allowOverride === false ? granted.filter((id) => !ads.includes(id)) : granted),
    withdraw: (list = optional, m) =>
      decide(
        'withdraw',
        m,
        state.granted.filter((id) => !list.includes(id)),
        state.services.filter((s) => !list.includes(s.split(':')[0])),
      ),
    object: (m) => decide('object', m, state.granted.filter((id) => !objection.includes(id))),
    allowService: (c, s, m) => decide('custom', m, state.granted, [...state.services, `${c}:${s}`]),
    get: (c, s) => state.granted.includes(c) || (!!s && state.services.includes(`${c}:${s}`)),
    getState: () => structuredClone(state),
    onChange: (l) => (listeners.add(l), () => void listeners.delete(l)),
    needsChoice: () => !state.decided,
    openPreferences: async (opener) => {
      void loadDecider();
      await (await loadUi()).openPreferences(api, opener ?? doc.activeElement);
    },
    destroy: () => {
      policy.disconnect();
      gate.disconnect();
      decider?.stop();
      listeners.clear();
      doc.removeEventListener('click', onOpenClick);
      reopenAt = false;
      doc.querySelector('consentry-reopen')?.remove();
    },
  };

  if (consentMode && record) consentUpdate(config, state.granted);
  gate.apply();
  doc.addEventListener('click', onOpenClick);

  // Receipts an earlier page could not deliver.
  if (env.storage?.getItem(QUEUE_KEY)) void loadDecider().then((d) => d.flush());
  // The signal is new since the stored choice: refuse advertising and object to the
  // exception categories, and record that the signal was seen (once: the record now has it).
  if (gpc && record && !record.gpc)
    await decide('gpc', 'signal', record.granted.filter((id) => !ads.includes(id) && !objection.includes(id)));
  if (record) mountReopen();
  else
    shown((m) => {
      m.showBanner(api);
      // The decide chunk (cookie writer, receipts) is fetched as the visitor's
      // pointer goes down or a key is pressed, ahead of the click: a visit that
      // only reads the page never pays for it.
      for (const type of ['pointerdown', 'keydown'])
        doc.addEventListener(type, () => void loadDecider().catch(() => {}));
    });
  // The policy viewer, on the page now or added later (a single-page app's route).
  const findPolicy = () => {
    if (doc.querySelector('consentry-policy')) {
      policy.disconnect();
      void load<PolicyModule>('policy').then((m) => m.definePolicy(api));
    }
  };
  const policy = new MutationObserver(findPolicy);
  policy.observe(doc, { childList: true, subtree: true });
  findPolicy();

  emit('consentry:ready', { state: api.getState() });
  return api;
};

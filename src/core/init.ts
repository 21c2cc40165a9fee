/**
 * Wires the core together: reads the record, decides what is allowed, drives
 * Consent Mode and the gate, queues receipts, and loads the UI only when
 * something has to be shown. Every decision goes through `decide()`.
 */
import { assertReadable, ConfigError, DEFAULT_DAYS, effectiveBasis, isAdvertising, resolveJurisdiction } from './config.js';
import { decodeRecord, encodeRecord, readCookie, writeCookie, type ConsentRecord } from './consent-cookie.js';
import { consentDefault, consentUpdate } from './consent-mode.js';
import { clearCategories } from './cookie-cleaner.js';
import { browserEnv, type CoreEnv } from './env.js';
import { hashConfig, uuid } from './hash.js';
import { createReceiptQueue } from './receipt-queue.js';
import { mountReopenButton, REOPEN_TAG } from './reopen-button.js';
import { createGate } from './script-gate.js';
import type {
  Action,
  ChangeDetail,
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
  const gpc = env.gpc && config.gpc?.honour !== false;
  const cookie = { name: config.cookie?.name ?? 'consentry', domain: config.cookie?.domain };
  const lifetime = (granted: string[]) =>
    (granted.some((id) => bases[id] === 'consent') ? config.cookie?.consentDays : config.cookie?.refusalDays) ??
    DEFAULT_DAYS;

  // Before anything asynchronous: the default must precede every tag on the page.
  if (config.consentMode?.enabled) consentDefault(config);

  const hash = await hashConfig(config);
  const shortHash = hash.replace(/^\w+-/, '').slice(0, 12);

  /** The stored record, if it is valid for this config and this moment. */
  const readRecord = (): ConsentRecord | null => {
    const r = decodeRecord(readCookie(cookie.name));
    const now = env.now();
    return r &&
      r.revision === config.revision &&
      r.granted.every((id) => optional.includes(id)) &&
      r.services.every((s) => {
        const [c, v] = s.split(':');
        return cats.some((x) => x.id === c && x.services?.some((y) => y.id === v));
      }) &&
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
    };
  };
  let state = compute();

  let ui: Promise<UiModule | null> | undefined;
  const loadUi = (): Promise<UiModule | null> =>
    (ui ??= env.load ? (env.load('ui') as Promise<UiModule>) : Promise.resolve(null));

  // Validation costs a chunk: skip it when this exact config was validated for the stored choice.
  if (env.load && record?.configHash !== shortHash) {
    if (!state.decided) void loadUi(); // fetch the banner while the config is checked
    const issues = ((await env.load('validate')) as ValidateModule).validateConfig(config);
    if (issues.length) throw new ConfigError(issues.map((i) => `${i.path}: ${i.message}`));
  }

  const whenBody = (fn: () => void) =>
    doc.body ? fn() : doc.addEventListener('DOMContentLoaded', fn, { once: true });
  const showPlaceholders = () => whenBody(() => void loadUi().then((m) => m?.mountPlaceholders(api)));

  const listeners = new Set<(detail: ChangeDetail, state: ConsentState) => void>();
  const gate = createGate(doc, (c, s) => api.get(c, s), showPlaceholders);
  const endpoint = config.receipts?.endpoint;
  const queue = endpoint ? createReceiptQueue(endpoint, env, config.receipts?.retryMs) : null;
  const language = config.language ?? (doc.documentElement.lang || navigator.language || 'en');

  const reopenAt = config.ui?.reopenButton;
  const mountReopen = () =>
    reopenAt !== false &&
    whenBody(() =>
      mountReopenButton(
        doc,
        config.texts?.[language]?.reopen ?? 'Cookie settings',
        reopenAt ?? 'bottom-left',
        (opener) => void api.openPreferences(opener),
      ),
    );

  const decide = (action: Action, method: Method, wanted: readonly string[], services = state.services): void => {
    const before = state.granted;
    const chosen = optional.filter((id) => wanted.includes(id));
    const at = env.now();
    record = {
      subject: record?.subject ?? uuid(),
      revision: config.revision,
      at,
      granted: chosen,
      services: [...new Set(services)],
      gpc: env.gpc,
      policyVersion: config.policy?.version ?? '',
      configHash: shortHash,
    };
    writeCookie(encodeRecord(record), { ...cookie, days: lifetime(chosen) });
    state = compute();
    const withdrawn = before.filter((id) => !state.granted.includes(id));
    clearCategories(doc, cats.filter((c) => withdrawn.includes(c.id)), env.storage as Storage | null);
    if (config.consentMode?.enabled) consentUpdate(config, state.granted);
    gate.apply();
    queue?.add({
      schema: 'consentry-receipt/1',
      id: uuid(),
      subject: record.subject,
      timestamp: new Date(at).toISOString(),
      site: location.origin,
      jurisdiction,
      language,
      policyVersion: record.policyVersion,
      revision: config.revision,
      configHash: hash,
      action,
      method,
      granted: [...state.granted, ...state.services],
      denied: state.denied,
      bases,
      signals: { gpc: env.gpc },
      expires: new Date(at + lifetime(chosen) * DAY).toISOString(),
    });
    mountReopen();
    const detail: ChangeDetail = { granted: state.granted, denied: state.denied, action, method };
    doc.dispatchEvent(new CustomEvent('consentry:change', { detail }));
    for (const l of listeners) l(detail, api.getState());
    // Scripts that already ran cannot be unloaded; a reload is the only clean stop.
    if (withdrawn.length && config.reloadOnWithdraw) location.reload();
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
    configHash: hash,
    acceptAll: (m = 'api') => decide('accept-all', m, gpc ? optional.filter((id) => !ads.includes(id)) : optional),
    rejectAll: (m = 'api') => decide('reject-all', m, []),
    save: (granted, m = 'api') =>
      decide('custom', m, gpc && config.gpc?.allowOverride === false ? granted.filter((id) => !ads.includes(id)) : granted),
    withdraw: (list = optional, m = 'api') =>
      decide(
        'withdraw',
        m,
        state.granted.filter((id) => !list.includes(id)),
        state.services.filter((s) => !list.includes(s.split(':')[0]!)),
      ),
    object: (m = 'api') => decide('object', m, state.granted.filter((id) => !objection.includes(id))),
    allowService: (c, s, m = 'api') => decide('custom', m, state.granted, [...state.services, `${c}:${s}`]),
    get: (c, s) => state.granted.includes(c) || (!!s && state.services.includes(`${c}:${s}`)),
    getState: () => ({ ...state, granted: [...state.granted], denied: [...state.denied], services: [...state.services] }),
    onChange: (l) => (listeners.add(l), () => void listeners.delete(l)),
    needsChoice: () => !state.decided,
    openPreferences: async (opener) => {
      await (await loadUi())?.openPreferences(api, opener ?? doc.activeElement);
    },
    destroy: () => {
      gate.disconnect();
      queue?.stop();
      listeners.clear();
      doc.removeEventListener('click', onOpenClick);
      doc.querySelector(REOPEN_TAG)?.remove();
    },
  };

  // Clear what denied categories may have left from earlier visits, then run what is allowed.
  clearCategories(doc, cats.filter((c) => state.denied.includes(c.id)), env.storage as Storage | null);
  if (config.consentMode?.enabled && state.decided) consentUpdate(config, state.granted);
  gate.apply();
  doc.addEventListener('click', onOpenClick);
  queue?.flush();

  // The signal arrived after an earlier choice that allowed advertising or exception categories.
  if (gpc && record && !record.gpc && record.granted.some((id) => ads.includes(id) || objection.includes(id)))
    decide('gpc', 'signal', record.granted.filter((id) => !ads.includes(id) && !objection.includes(id)));

  if (state.decided) mountReopen();
  else whenBody(() => void loadUi().then((m) => m?.showBanner(api)));
  whenBody(() => {
    if (env.load && doc.querySelector('consentry-policy'))
      void env.load('policy').then((m) => (m as PolicyModule).definePolicy(api));
  });

  doc.dispatchEvent(new CustomEvent('consentry:ready', { detail: { state: api.getState() } }));
  return api;
};

/**
 * The decide chunk: what happens only when the visitor decides — writing the
 * record (through js-cookie), erasing what withdrawn categories left behind,
 * and building and delivering the receipt. A returning visitor who does not
 * decide never downloads it; the first visit fetches it beside the banner.
 */
import Cookies from 'js-cookie';
import { decodeRecord, encodeRecord, type ConsentRecord } from './consent-cookie.js';
import { clearCategories } from './cookie-cleaner.js';
import type { CoreEnv } from './env.js';
import { hashConfig, uuid } from './hash.js';
import { createReceiptQueue } from './receipt-queue.js';
import type { ConsentStore } from './consent-store.js';
import { decisionFor, factsOf, type Decision } from './decision-rules.js';
import type { Action, ChangeDetail, ConsentApi, ConsentryConfig, ConsentState, DecisionMethod, Method, Receipt } from './types.js';
import { stopWithdrawn } from './withdrawal.js';

const DAY = 864e5;

/** @internal What the core hands the decide chunk. */
export interface DecideContext {
  config: ConsentryConfig;
  env: CoreEnv;
  /** The page's consent store: its state feeds the decision rules, and the new record goes back into it. */
  store: ConsentStore;
  /** Key of the validated config, kept in the record to skip re-validation. */
  configKey: string;
  /** The core's channel to the visitor's other tabs of this site (a message never comes back to its sender). */
  tabs?: BroadcastChannel;
}

/**
 * @internal What a tab posts to the others after a decision: its change and
 * the record as the consent cookie holds it. The record travels in the
 * message because another renderer may still read the cookie from before.
 */
export interface TabMessage extends ChangeDetail {
  record: string;
}

/** One decision as the decider takes it: the action recorded, how it was made, its argument and its rule. */
type Call = [action: Action, method?: Method, arg?: readonly string[] | string, decision?: Decision];

/**
 * @internal How each decision of the API (a stub in the core, which passes its
 * arguments on) becomes a call of `decide`; `gpc` is the core's own, for a
 * signal that is new since the stored choice.
 */
export const CALLS: { [K in DecisionMethod]: (...args: Parameters<ConsentApi[K]>) => Call } & { gpc: () => Call } = {
  acceptAll: (method) => ['accept-all', method],
  rejectAll: (method) => ['reject-all', method],
  save: (granted, method) => ['custom', method, granted],
  withdraw: (list, method) => ['withdraw', method, list],
  object: (method) => ['object', method],
  allowService: (category, service, method) => ['custom', method, `${category}:${service}`, 'service'],
  gpc: () => ['gpc', 'signal'],
};

/** @internal A name of `CALLS`. */
export type DecisionCall = keyof typeof CALLS;

export const createDecider = (ctx: DecideContext) => {
  const { config, env, store } = ctx;
  const hash = hashConfig(config);
  const endpoint = config.receipts?.endpoint;
  const queue = endpoint ? createReceiptQueue(endpoint, env, config.receipts?.retryMs) : null;
  const cookieName = config.cookie?.name ?? 'consentry';
  const facts = factsOf(config, store.state);

  /** `consentry:change`, then the store's subscribers (the elements: an open banner closes). */
  const tell = (action: Action, method: Method): ChangeDetail => {
    const { state } = store;
    const detail: ChangeDetail = { granted: state.granted, denied: state.denied, action, method };
    env.document.dispatchEvent(new CustomEvent('consentry:change', { detail }));
    store.publish(detail);
    return detail;
  };
  /** The categories `before` granted that the stored choice no longer does. */
  const withdrawnSince = (before: ConsentState) => before.granted.filter((id) => !store.state.granted.includes(id));
  /** Erases the cookies and storage keys the withdrawn categories declare (cookie-cleaner.ts). */
  const erase = (withdrawn: readonly string[]) => {
    if (withdrawn.length)
      clearCategories(env.document, config.categories.filter((c) => withdrawn.includes(c.id)), env.storage as Storage | null);
  };
  /**
   * What the withdrawn categories left running here stops: a reload unless
   * switched off (see withdrawal.ts). Their code still runs while the page
   * goes, and trackers save their cookies from their own `pagehide`
   * listeners: erased again after those, which were added before this one.
   */
  const stop = (before: ConsentState) => {
    const withdrawn = withdrawnSince(before);
    stopWithdrawn(withdrawn, {
      doc: env.document,
      reload: config.reloadOnWithdraw,
      reloadPage: () => {
        env.document.defaultView?.addEventListener('pagehide', () => erase(withdrawn));
        (env.reload ?? (() => location.reload()))();
      },
    });
  };

  return {
    configHash: () => hash,

    /** A decision of the API (or the core's `gpc`), called with the arguments the stub was given. */
    call(name: DecisionCall, args: unknown[], applied: () => void) {
      const [action, method = 'api', arg, decision = action] = (CALLS[name] as (...a: unknown[]) => Call)(...args);
      return this.decide(action, method, arg, decision, applied);
    },

    /**
     * One decision, in order: what the rules leave on becomes the new record
     * (consent cookie, store); the core applies it to the page (`applied`:
     * Consent Mode, the gate, the floating button); everyone is told
     * (`consentry:change`, then the store's subscribers), the other tabs
     * too; then what was withdrawn is erased and the receipt queued.
     */
    async decide(action: Action, method: Method, arg: readonly string[] | string | undefined, decision: Decision, applied: () => void) {
      const before = store.state;
      this.store(decision, arg);
      applied();
      const message: TabMessage = { ...tell(action, method), record: encodeRecord(store.record!) };
      ctx.tabs?.postMessage(message);
      await this.after(action, method, before);
    },

    /**
     * A decision made in another tab (`told`: its change and the record it
     * wrote to the shared cookie) becomes this tab's, applied to the page and
     * told here as if made here, and what it withdrew is erased and stops
     * here too (a reload where its scripts ran). Nothing is written or recorded again:
     * that tab did it. A record this page's config cannot accept (another
     * revision) counts as no choice.
     */
    follow(told: TabMessage, applied: () => void) {
      const before = store.state;
      if (store.record && told.record === encodeRecord(store.record)) return;
      store.set(decodeRecord(told.record), env.now());
      applied();
      tell(told.action, told.method);
      // The other tab erased too, but what ran here may have written back since.
      erase(withdrawnSince(before));
      stop(before);
    },

    /** What the rules leave on becomes the new record, in the consent cookie and the store. */
    store(decision: Decision, arg?: readonly string[] | string): void {
      const { granted, services } = decisionFor(decision, facts, store.state, arg);
      const record: ConsentRecord = {
        subject: store.record?.subject ?? uuid(),
        revision: config.revision,
        at: env.now(),
        granted,
        services,
        gpc: env.gpc,
        policyVersion: config.policy?.version ?? '',
        configHash: ctx.configKey,
      };
      Cookies.set(cookieName, encodeRecord(record), {
        expires: store.lifetime(granted),
        path: '/',
        sameSite: 'Lax',
        // Secure whenever the page is https (a browser refuses a Secure cookie over plain http).
        secure: location.protocol === 'https:',
        ...(config.cookie?.domain ? { domain: config.cookie.domain } : {}),
      });
      store.set(record, record.at);
    },

    /**
     * After the core applied a decision: erase what was withdrawn, queue the
     * receipt, and stop what the withdrawn categories left running (a reload
     * unless switched off; scripts that already ran cannot be unloaded).
     */
    async after(action: Action, method: Method, before: ConsentState) {
      const { record, state } = store as { record: ConsentRecord; state: ConsentState };
      erase(withdrawnSince(before));
      // Built against the receipts server's own schema type: every field the
      // server checks is checked here by the compiler.
      const receipt: Receipt = {
        schema: 'consentry-receipt/1',
        id: uuid(),
        subject: record.subject,
        timestamp: new Date(record.at).toISOString(),
        site: location.origin,
        jurisdiction: state.jurisdiction,
        language: state.language,
        policyVersion: record.policyVersion,
        revision: record.revision,
        configHash: await hash,
        action,
        method,
        granted: [...state.granted, ...state.services],
        denied: state.denied,
        bases: state.bases,
        signals: { gpc: state.gpc },
        expires: new Date(record.at + store.lifetime(record.granted) * DAY).toISOString(),
      };
      queue?.add(receipt);
      stop(before);
    },

    flush: () => queue?.flush(),
    stop: () => queue?.stop(),
  };
};

export type Decider = ReturnType<typeof createDecider>;

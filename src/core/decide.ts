/**
 * The decide chunk: what happens only when the visitor decides — writing the
 * record (through js-cookie), erasing what withdrawn categories left behind,
 * and building and delivering the receipt. A returning visitor who does not
 * decide never downloads it; the first visit fetches it beside the banner.
 */
import Cookies from 'js-cookie';
import { encodeRecord, type ConsentRecord } from './consent-cookie.js';
import { clearCategories } from './cookie-cleaner.js';
import type { CoreEnv } from './env.js';
import { hashConfig, uuid } from './hash.js';
import { createReceiptQueue } from './receipt-queue.js';
import { stopWithdrawn } from './withdrawal.js';
import type { Action, Basis, ConsentryConfig, ConsentState, Method } from './types.js';

const DAY = 864e5;

/** @internal What the core hands the decide chunk. */
export interface DecideContext {
  config: ConsentryConfig;
  env: CoreEnv;
  jurisdiction: string;
  language: string;
  bases: Record<string, Basis>;
  /** Days a record with these grants is kept. */
  lifetime: (granted: string[]) => number;
  /** Key of the validated config, kept in the record to skip re-validation. */
  configKey: string;
}

export const createDecider = (ctx: DecideContext) => {
  const { config, env } = ctx;
  const hash = hashConfig(config);
  const endpoint = config.receipts?.endpoint;
  const queue = endpoint ? createReceiptQueue(endpoint, env, config.receipts?.retryMs) : null;

  return {
    configHash: () => hash,

    /** Builds the new record and stores it in the consent cookie. */
    write(granted: string[], services: string[], previous: ConsentRecord | null): ConsentRecord {
      const record: ConsentRecord = {
        subject: previous?.subject ?? uuid(),
        revision: config.revision,
        at: env.now(),
        granted,
        services,
        gpc: env.gpc,
        policyVersion: config.policy?.version ?? '',
        configHash: ctx.configKey,
      };
      Cookies.set(config.cookie?.name ?? 'consentry', encodeRecord(record), {
        expires: ctx.lifetime(granted),
        path: '/',
        sameSite: 'Lax',
        // Secure whenever the page is https; plain http is only ever local development.
        secure: location.protocol === 'https:',
        ...(config.cookie?.domain ? { domain: config.cookie.domain } : {}),
      });
      return record;
    },

    /**
     * After the core applied a decision: erase what was withdrawn, queue the
     * receipt, and stop what the withdrawn categories left running (a reload
     * unless switched off; scripts that already ran cannot be unloaded).
     */
    async after(action: Action, method: Method, record: ConsentRecord, before: ConsentState, state: ConsentState) {
      const withdrawn = before.granted.filter((id) => !state.granted.includes(id));
      clearCategories(env.document, config.categories.filter((c) => withdrawn.includes(c.id)), env.storage as Storage | null);
      queue?.add({
        schema: 'consentry-receipt/1',
        id: uuid(),
        subject: record.subject,
        timestamp: new Date(record.at).toISOString(),
        site: location.origin,
        jurisdiction: ctx.jurisdiction,
        language: ctx.language,
        policyVersion: record.policyVersion,
        revision: record.revision,
        configHash: await hash,
        action,
        method,
        granted: [...state.granted, ...state.services],
        denied: state.denied,
        bases: ctx.bases,
        signals: { gpc: env.gpc },
        expires: new Date(record.at + ctx.lifetime(record.granted) * DAY).toISOString(),
      });
      // Withdrawal must stop what already runs: see withdrawal.ts.
      stopWithdrawn(withdrawn, {
        doc: env.document,
        reload: config.reloadOnWithdraw,
        reloadPage: env.reload ?? (() => location.reload()),
      });
    },

    flush: () => queue?.flush(),
    stop: () => queue?.stop(),
  };
};

export type Decider = ReturnType<typeof createDecider>;

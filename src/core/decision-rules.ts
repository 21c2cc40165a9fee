/**
 * What each decision leaves on, from the consent store's facts and state.
 * Pure; loaded with the decide chunk (only a visitor who decides needs it).
 * - accept all: every optional category, but advertising while GPC is honoured;
 * - reject all: none;
 * - a custom choice: what was asked for, except what GPC locks off;
 * - withdraw: the current grants less the withdrawn categories and their services;
 * - object: the current grants less the objection categories;
 * - gpc (the signal, new since the stored choice): the stored grants less advertising and the objection ones;
 * - one service: the current grants, plus that service.
 * Strictly necessary categories are never stored (they are always on); services are listed once.
 *
 * And the two rules of a returning visitor's early start (the core applies them, see init.ts):
 * - before this page's config has arrived, the stored choice runs at once only as the copy of the
 *   last config that passed on this site judges it (kept beside a valid choice): a record valid
 *   under it, and no new GPC signal to record first; anything else waits for the config;
 * - once the config has arrived (and passed), if it no longer allows something the early state did
 *   (a new revision, a category or service gone, a config that fails) and the early gate released
 *   anything, the page is stopped as a withdrawal stops it (a reload, unless `reloadOnWithdraw` is false).
 */
import type { ConsentFacts } from './consent-store.js';
import type { Action, ConsentState } from './types.js';

/** A decision: an action of the API, or `service` (`allowService`, recorded as a custom choice). */
export type Decision = Action | 'service';

const without = (list: readonly string[], out: readonly string[]) => list.filter((id) => !out.includes(id));

export const decisionFor = (
  decision: Decision,
  facts: ConsentFacts,
  state: ConsentState,
  /** `custom`: the categories asked for; `withdraw`: the ones withdrawn (default: all); `service`: `category:service`. */
  arg?: readonly string[] | string,
): { granted: string[]; services: string[] } => {
  const list = typeof arg == 'string' ? [arg] : (arg ?? facts.optional);
  let granted: readonly string[] = state.granted;
  let services = state.services;
  switch (decision) {
    case 'accept-all':
      granted = facts.gpc ? without(facts.optional, facts.ads) : facts.optional;
      break;
    case 'reject-all':
      granted = [];
      break;
    case 'custom':
      granted = without(list, facts.refused);
      break;
    case 'withdraw':
      granted = without(state.granted, list);
      services = services.filter((s) => !list.includes(s.split(':')[0]));
      break;
    case 'object':
      granted = without(state.granted, facts.objection);
      break;
    case 'gpc':
      granted = without(state.granted, [...facts.ads, ...facts.objection]);
      break;
    case 'service':
      services = [...services, ...list];
  }
  return { granted: facts.optional.filter((id) => granted.includes(id)), services: [...new Set(services)] };
};

/** What the stored choice lets run before the config arrives, judged by the store built on the cached copy; null: wait. */
export const earlyGrants = (store: { record: unknown; state: ConsentState; signalIsNew(): boolean }): ConsentState | null =>
  store.record && !store.signalIsNew() ? store.state : null;

/** What the early state allowed that the config's state `now` does not (all of it when the config failed), by category. */
export const stoppedBy = (early: ConsentState, now?: ConsentState): string[] =>
  [...early.granted, ...early.services]
    .filter((g) => !now?.granted.includes(g.split(':')[0]) && !now?.services.includes(g))
    .map((g) => g.split(':')[0]);

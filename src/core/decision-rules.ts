/**
 * What each decision leaves on, from the category sets (`factsOf`) and the consent store's state.
 * Pure; loaded with the decide chunk (only a visitor who decides needs it).
 * - accept all: every optional category, but advertising while GPC is honoured;
 * - reject all: none;
 * - a custom choice: what was asked for, except what GPC locks off;
 * - withdraw: the current grants less the withdrawn categories and their services;
 * - object: the current grants less the objection categories;
 * - gpc (the signal, new since the stored choice): the stored grants less advertising and the objection ones;
 * - one service: the current grants, plus that service.
 * Strictly necessary categories are never stored (they are always on); services are listed once.
 */
import { isAdvertising } from './config.js';
import type { Action, ConsentryConfig, ConsentState } from './types.js';

/** The category sets every rule works from. */
export interface ConsentFacts {
  necessary: string[];
  /** Everything a visitor may refuse. */
  optional: string[];
  objection: string[];
  /** Advertising categories: the `marketing` id or any `ad_*` Consent Mode type. */
  ads: string[];
  /** Locked off: advertising, while an honoured GPC signal allows no override. */
  refused: string[];
  /** The signal is on and the site honours it. */
  gpc: boolean;
}

/**
 * The sets, read off the consent store's state (the bases in force for this
 * page view, what it locks, the signal) and the config: the same sets the
 * store worked the state out from. They hold for the whole page view.
 */
export const factsOf = (config: ConsentryConfig, state: ConsentState): ConsentFacts => {
  const ids = config.categories.map((c) => c.id);
  const withBasis = (basis: string) => ids.filter((id) => state.bases[id] === basis);
  const necessary = withBasis('strictly-necessary');
  return {
    necessary,
    optional: ids.filter((id) => !necessary.includes(id)),
    objection: withBasis('objection'),
    ads: config.categories.filter(isAdvertising).map((c) => c.id),
    refused: state.locked.filter((id) => !necessary.includes(id)),
    gpc: state.gpc && config.gpc?.honour !== false,
  };
};

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

/**
 * The policy viewer's strings in every built-in language but English (whose
 * strings are `policyStrings`, in the viewer's chunk): for its table,
 * `defineTable(policyStrings, POLICY_FILES)`. `no` reads Bokmål.
 */
import type { policyStrings } from '../../elements/consentry-policy/policy-strings.js';

export type PolicyViewerStrings = Record<keyof typeof policyStrings, string>;

export const POLICY_FILES: Readonly<Record<string, () => Promise<{ default: PolicyViewerStrings }>>> = {
  ar: () => import('./ar.js'),
  bg: () => import('./bg.js'),
  cs: () => import('./cs.js'),
  cy: () => import('./cy.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  es: () => import('./es.js'),
  et: () => import('./et.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  ga: () => import('./ga.js'),
  gd: () => import('./gd.js'),
  he: () => import('./he.js'),
  hr: () => import('./hr.js'),
  hu: () => import('./hu.js'),
  is: () => import('./is.js'),
  it: () => import('./it.js'),
  lt: () => import('./lt.js'),
  lv: () => import('./lv.js'),
  mt: () => import('./mt.js'),
  nb: () => import('./nb.js'),
  nl: () => import('./nl.js'),
  no: () => import('./nb.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  ro: () => import('./ro.js'),
  sk: () => import('./sk.js'),
  sl: () => import('./sl.js'),
  sv: () => import('./sv.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
};

/**
 * The policy chunk (`policy.js`), loaded by the core only when a page holds a
 * `<consentry-policy>`. It imports nothing from the core at runtime: the api
 * arrives as an argument.
 */
import type { ConsentApi, PolicyModule } from './core/types.js';
import { ConsentryPolicy, defineConsentryPolicy } from './elements/consentry-policy/consentry-policy.js';

/** Defines `<consentry-policy>` and hands it the api; safe to call again (the latest api wins). */
export const definePolicy: PolicyModule['definePolicy'] = (api: ConsentApi | null) => {
  ConsentryPolicy.useApi(api);
  defineConsentryPolicy();
};

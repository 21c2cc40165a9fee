/**
 * The shape of a built-in language, split by the element group that needs
 * it, so each group is its own small chunk: `banner` (the first layer and the
 * floating button), `details` (the preference centre and the embed
 * placeholders), `policy` (the policy viewer). Keys are the English tables'.
 */
import type { en } from '../en.js';
import type { enDetails } from '../en-details.js';
import type { policyStrings } from '../../elements/consentry-policy/policy-strings.js';

export type BannerStrings = Record<keyof typeof en | 'reopen', string>;
export type DetailStrings = Record<keyof typeof enDetails, string>;
export type PolicyStrings = Record<keyof typeof policyStrings, string>;

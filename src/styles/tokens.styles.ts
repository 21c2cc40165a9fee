// css-tag directly: the chunks that use these carry lit-html, not all of lit.
import { unsafeCSS } from '@lit/reactive-element/css-tag.js';
import { BUTTONS, FOCUS_RING, TOKENS } from './tokens-css.styles.js';

/**
 * The design tokens of `tokens-css.styles.ts` for the LitElements (the
 * preference centre, the policy viewer). The text is the plain elements' own,
 * so the two kinds of element cannot drift apart.
 */
export const tokens = unsafeCSS(TOKENS);

/** A focus ring that stays visible (3:1) on both schemes: accent outline with an offset. */
export const focusRing = unsafeCSS(FOCUS_RING);

/** The one button treatment: no choice looks louder than another (PECR-6, EDPB-4). */
export const buttons = unsafeCSS(BUTTONS);

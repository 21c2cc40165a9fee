/**
 * The element classes as types. Importing them (as `consentry`'s types do)
 * also brings each element's `HTMLElementTagNameMap` entry, so
 * `document.querySelector('consentry-policy')` is typed. Types only.
 */
export type { ConsentryBanner } from './elements/consentry-banner/consentry-banner.js';
export type { ConsentryPlaceholder } from './elements/consentry-placeholder/consentry-placeholder.js';
export type { ConsentryPolicy } from './elements/consentry-policy/consentry-policy.js';
export type { ConsentryPreferences } from './elements/consentry-preferences/consentry-preferences.js';

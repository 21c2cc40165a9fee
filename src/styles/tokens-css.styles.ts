/**
 * The design tokens as plain CSS text: the one source for the plain custom
 * elements of the first visit (the banner adopts them as a constructable
 * stylesheet, no lit in its chunk) and for the LitElements, which wrap the
 * same text with `unsafeCSS` in `tokens.styles.ts`.
 *
 * Each `--consentry-*` custom property gets its default on `:host`, so a page
 * (or the config's `theme`, applied with `applyTheme`) can override it from
 * outside. The scheme follows `prefers-color-scheme` (through `color-scheme`
 * and `light-dark()`) unless the host carries `scheme="light"` or
 * `scheme="dark"`. Both default palettes keep text at 4.5:1 or more and
 * borders and focus rings at 3:1 or more.
 */
export const TOKENS = `
  :host {
    color-scheme: light dark;
    --consentry-background: light-dark(#fff, #1f1f23);
    --consentry-text: light-dark(#1b1b1f, #f2f2f5);
    --consentry-accent: light-dark(#0b57d0, #a8c7fa);
    --consentry-button-background: light-dark(#1b1b1f, #f2f2f5);
    --consentry-button-text: light-dark(#fff, #1f1f23);
    --consentry-border: light-dark(#767676, #9a9aa2);
    --consentry-radius: 6px;
    --consentry-font: system-ui, sans-serif;
    font: 1rem/1.45 var(--consentry-font);
    color: var(--consentry-text);
  }
  :host([scheme='light']) {
    color-scheme: light;
  }
  :host([scheme='dark']) {
    color-scheme: dark;
  }
  [hidden] {
    display: none !important;
  }
  a {
    color: var(--consentry-accent);
  }
`;

/** A focus ring that stays visible (3:1) on both schemes: accent outline with an offset. */
export const FOCUS_RING = `
  :focus-visible {
    outline: 3px solid var(--consentry-accent);
    outline-offset: 2px;
  }
`;

/**
 * The one button treatment. Accept, reject and manage all use it, so no
 * choice looks louder than another (PECR-6, EDPB-4).
 */
export const BUTTONS = `
  button {
    box-sizing: border-box;
    min-height: 2.75rem;
    min-width: 44px;
    margin: 0;
    padding: 0.5rem 1rem;
    border: 2px solid var(--consentry-button-background);
    border-radius: var(--consentry-radius);
    background: var(--consentry-button-background);
    color: var(--consentry-button-text);
    font: 600 1rem/1.25 var(--consentry-font);
    cursor: pointer;
  }
`;

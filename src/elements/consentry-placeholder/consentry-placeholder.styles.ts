/**
 * The placeholder's stylesheet as plain text (no lit in its chunk). The first
 * three blocks are the shared tokens (up to the rules it has no use for: it
 * hides nothing and has no links), focus ring and button of
 * `src/styles/tokens.styles.ts`, copied because every module there travels in
 * the banner's `ui.js`; `consentry-placeholder.test.ts` fails when they drift.
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
`;

export const FOCUS_RING = `
  :focus-visible {
    outline: 3px solid var(--consentry-accent);
    outline-offset: 2px;
  }
`;

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

/** Takes the blocked iframe's box (width and height set on the host), shrinking to fit narrow screens. */
export const placeholderCss =
  TOKENS +
  FOCUS_RING +
  BUTTONS +
  `
  :host {
    box-sizing: border-box;
    display: block;
    max-width: 100%;
    overflow: auto;
    padding: 1rem;
    background: var(--consentry-background);
    border: 2px dashed var(--consentry-border);
    border-radius: var(--consentry-radius);
  }
  p {
    margin: 0 0 0.75rem;
  }
  div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;

/**
 * The placeholder's stylesheet as plain text (no lit in its chunk): the
 * banner's look (`src/styles/tokens-css.styles.ts`, which travels in the
 * banner's `ui.js`) without its token block. Each `--consentry-*` token is
 * read where it is used, with the shared default as its fallback
 * (`var(--consentry-text, light-dark(…))`), so a token set on the page
 * (`:root`), on the element or by the config's `theme` applies, and nothing
 * is declared twice. `consentry-placeholder.test.ts` fails when a fallback
 * drifts from the shared default, or the focus ring and button from the
 * shared ones.
 *
 * The button's border is transparent over its own background (the shared
 * one is drawn in the background colour: the same pixels), and shows in
 * forced colours.
 */
export const placeholderCss = `
  :host {
    color-scheme: light dark;
    box-sizing: border-box;
    display: block;
    max-width: 100%;
    overflow: auto;
    padding: 1rem;
    font: 1rem/1.45 var(--consentry-font, system-ui, sans-serif);
    color: var(--consentry-text, light-dark(#1b1b1f, #f2f2f5));
    background: var(--consentry-background, light-dark(#fff, #1f1f23));
    border: 2px dashed var(--consentry-border, light-dark(#767676, #9a9aa2));
    border-radius: var(--consentry-radius, 6px);
  }
  :host([scheme=light]) {
    color-scheme: light;
  }
  :host([scheme=dark]) {
    color-scheme: dark;
  }
  :focus-visible {
    outline: 3px solid var(--consentry-accent, light-dark(#0b57d0, #a8c7fa));
    outline-offset: 2px;
  }
  button {
    box-sizing: border-box;
    min-height: 2.75rem;
    min-width: 44px;
    margin: 0;
    padding: 0.5rem 1rem;
    border: 2px solid transparent;
    border-radius: var(--consentry-radius, 6px);
    background: var(--consentry-button-background, light-dark(#1b1b1f, #f2f2f5));
    color: var(--consentry-button-text, light-dark(#fff, #1f1f23));
    font: 600 1rem/1.25 var(--consentry-font, system-ui, sans-serif);
    cursor: pointer;
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

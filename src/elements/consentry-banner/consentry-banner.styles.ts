/**
 * The banner is an overlay (position: fixed), so showing it never moves the
 * page (CLS 0), and it is opaque from its first frame: no fade, no slide,
 * nothing for `prefers-reduced-motion` to stop. Logical insets follow `dir`.
 * Plain text (no lit in the banner's chunk), adopted after the shared tokens.
 */
export const bannerCss = `
  :host {
    position: fixed;
    z-index: 2147483000;
    inset: auto 0 0;
    max-height: 100vh;
    overflow: auto;
  }
  :host([layout='box']) {
    inset: auto;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    width: min(24rem, 100vw - 2rem);
  }
  :host([layout='center']) {
    inset: 50% auto auto 50%;
    transform: translate(-50%, -50%);
    width: min(36rem, 100vw - 2rem);
  }
  :host(:not([layout='bar'])) {
    max-height: calc(100vh - 2rem);
  }
  section {
    padding: 1rem max(1rem, 50% - 34rem);
    background: var(--consentry-background);
    border-top: 2px solid var(--consentry-border);
  }
  :host(:not([layout='bar'])) section {
    padding: 1rem;
    border: 2px solid var(--consentry-border);
    border-radius: var(--consentry-radius);
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.125rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .actions {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.5rem;
    /* Room for "Manage preferences" on one line in a desktop bar. */
    max-width: 50rem;
  }
  @media (max-width: 30rem) {
    .actions {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  :host([layout='box']) .actions {
    grid-template-columns: minmax(0, 1fr);
  }
`;

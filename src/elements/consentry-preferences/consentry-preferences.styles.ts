import { css } from 'lit';

/**
 * The dialog sits in the top layer (`showModal()`), scrolls on small screens
 * and keeps every action reachable at 320 px. Switches are checkboxes drawn
 * as switches; borders and the knob keep 3:1 against the background.
 */
export const preferencesStyles = css`
  dialog {
    box-sizing: border-box;
    width: min(40rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    overflow: auto;
    background: var(--consentry-background);
    color: var(--consentry-text);
    border: 2px solid var(--consentry-border);
    border-radius: var(--consentry-radius);
    overflow-wrap: anywhere;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog[open] {
    animation: appear 120ms ease-out;
  }
  @keyframes appear {
    from {
      transform: translateY(0.75rem);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    dialog[open] {
      animation: none;
    }
  }
  /* The categories scroll; the actions sit below them, never over them: a
     target half under a sticky footer is a target too small (WCAG 2.5.8). */
  dialog[open] {
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  .body {
    padding: 1rem;
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
  }
  /* Not a <header>: inside the dialog that would be a second, unnamed banner landmark. */
  .heading {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0.75rem 0 0.25rem;
    font-size: 1rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding: 0.75rem 0;
    border-top: 1px solid var(--consentry-border);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    font-weight: 600;
  }
  input[role='switch'] {
    appearance: none;
    flex: none;
    position: relative;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
    border: 2px solid var(--consentry-border);
    border-radius: 1rem;
    background: var(--consentry-background);
    cursor: pointer;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    inset: 2px auto 2px 2px;
    width: 1rem;
    border-radius: 50%;
    background: var(--consentry-border);
  }
  input[role='switch']:checked {
    border-color: var(--consentry-accent);
    background: var(--consentry-accent);
  }
  input[role='switch']:checked::before {
    inset: 2px 2px 2px auto;
    background: var(--consentry-background);
  }
  input[role='switch']:disabled {
    cursor: not-allowed;
  }
  label {
    cursor: pointer;
  }
  details {
    margin-top: 0.25rem;
  }
  summary {
    min-height: 24px;
    cursor: pointer;
    color: var(--consentry-accent);
  }
  dl {
    margin: 0 0 0.5rem;
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(0, 8rem) minmax(0, 1fr);
    gap: 0 0.75rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--consentry-border);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .close {
    min-width: 44px;
    padding: 0.25rem 0.5rem;
  }
  .actions {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.5rem;
    flex: none;
    padding: 0.75rem 1rem;
    background: var(--consentry-background);
    border-top: 2px solid var(--consentry-border);
  }
  /* On a phone: reject and accept side by side (equal), save below, so the
     sticky footer leaves the categories most of the screen. */
  @media (max-width: 30rem) {
    .actions {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      padding: 0.5rem 0.75rem;
    }
    [part='save'] {
      grid-column: 1 / -1;
    }
    /* Room for one long word per line ("akzeptieren", "elutasítása"). */
    .actions button {
      padding-inline: 0.25rem;
    }
  }
  .status:not(:empty) {
    position: fixed;
    z-index: 2147483000;
    inset: auto 1rem 1rem auto;
    padding: 0.5rem 1rem;
    background: var(--consentry-background);
    border: 2px solid var(--consentry-border);
    border-radius: var(--consentry-radius);
  }
`;

// css-tag directly: the pre-render (Node) needs the styles without the element classes.
import { css } from '@lit/reactive-element/css-tag.js';
import { buttons, focusRing, tokens } from '../../styles/tokens.styles.js';

/**
 * The policy reads as part of the page: it inherits nothing but the tokens,
 * keeps a measure of about 70 characters, and puts the contents beside the
 * text when the element is wide enough (a container query, not the viewport,
 * so it behaves the same in a sidebar layout or a full-width page).
 */
export const policyStyles = [
  tokens,
  focusRing,
  buttons,
  css`
    :host {
      display: block;
      container-type: inline-size;
      background: var(--consentry-background);
      --consentry-muted: color-mix(in srgb, var(--consentry-text) 72%, var(--consentry-background));
      --consentry-surface: color-mix(in srgb, var(--consentry-text) 6%, var(--consentry-background));
    }
    /* A policy still on its way from \`src\` holds the screen, so nothing below it shifts when it arrives. */
    :host([src]:not([ready])) {
      min-height: 100vh;
    }
    .policy {
      max-width: 72rem;
      margin: 0 auto;
      padding: 0 1rem 2rem;
      overflow-wrap: break-word;
    }
    .meta {
      color: var(--consentry-muted);
      margin: 0.25rem 0 1rem;
    }
    .meta span + span::before {
      content: ' · ';
    }
    .notice,
    .consent {
      border: 1px solid var(--consentry-border);
      border-radius: var(--consentry-radius);
      background: var(--consentry-surface);
      padding: 0.75rem 1rem;
      margin: 1rem 0;
    }
    .notice {
      border-left: 6px solid var(--consentry-accent);
    }
    .notice p,
    .consent h2 {
      margin: 0 0 0.5rem;
    }
    .consent h2 {
      font-size: 1.125rem;
    }
    .consent dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0 0 0.75rem;
    }
    .consent dd {
      margin: 0;
      min-width: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0;
    }
    .history summary {
      cursor: pointer;
      min-height: 24px;
    }
    .history ol {
      padding-left: 1.25rem;
    }
    .layout {
      display: grid;
      gap: 1.5rem;
    }
    .toc h2 {
      font-size: 1.125rem;
      margin: 0 0 0.5rem;
    }
    .toc ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .toc ol ol {
      padding-left: 1rem;
      font-size: 0.9375rem;
    }
    .toc a {
      display: block;
      padding: 0.25rem 0.5rem;
      min-height: 24px;
      border-left: 3px solid transparent;
      text-decoration: none;
      color: var(--consentry-text);
    }
    .toc a:hover {
      text-decoration: underline;
    }
    .toc a[aria-current='true'] {
      border-left-color: var(--consentry-accent);
      background: var(--consentry-surface);
      font-weight: 600;
    }
    .content {
      max-width: 46rem;
      min-width: 0;
    }
    .content :is(h1, h2, h3, h4) {
      line-height: 1.25;
      scroll-margin-top: 1rem;
    }
    .content h2 {
      margin-top: 2.5rem;
    }
    .content a {
      color: var(--consentry-accent);
    }
    .content img {
      max-width: 100%;
      height: auto;
    }
    pre {
      overflow-x: auto;
    }
    .back {
      font-size: 0.9375rem;
    }
    .table-scroll {
      overflow-x: auto;
      margin: 0.5rem 0 1.5rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9375rem;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding: 0.25rem 0;
    }
    th,
    td {
      border: 1px solid var(--consentry-border);
      padding: 0.375rem 0.5rem;
      text-align: start;
      vertical-align: top;
    }
    thead th {
      background: var(--consentry-surface);
    }
    code {
      overflow-wrap: anywhere;
    }
    button {
      background: transparent;
      color: var(--consentry-text);
      border-color: var(--consentry-text);
    }
    @container (min-width: 56rem) {
      .layout {
        grid-template-columns: 16rem minmax(0, 1fr);
        align-items: start;
      }
      .toc {
        position: sticky;
        top: 0;
        max-height: 100vh;
        overflow-y: auto;
        padding-top: 1rem;
      }
    }
    @media (prefers-reduced-motion: no-preference) {
      :host {
        scroll-behavior: smooth;
      }
    }
    @media print {
      :host {
        background: none;
        color: #000;
      }
      .policy {
        max-width: none;
        padding: 0;
      }
      .toc,
      .consent,
      .notice,
      .back,
      .history summary {
        display: none;
      }
      .layout {
        display: block;
      }
      .content {
        max-width: none;
      }
      .content a[href^='http']::after {
        content: ' (' attr(href) ')';
        font-size: 0.875em;
      }
      .content :is(h2, h3) {
        break-after: avoid;
      }
      .table-scroll {
        overflow: visible;
      }
      tr,
      img {
        break-inside: avoid;
      }
    }
  `,
];

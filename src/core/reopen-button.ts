/**
 * The reopen chunk (`dist/reopen.js`): the way back to the preferences after
 * a decision (EDPB taskforce: "a small hovering and permanently visible
 * icon"). Plain DOM in a shadow root, not lit: a returning visitor downloads
 * it beside the core (and the language file the label comes from) and never
 * the UI chunk, which loads only when the button is pressed. Outside the core
 * because a visitor with no choice yet, or a site that declares its own way
 * back (`ui.reopenButton: false`), never needs it. A short visible label beats
 * an icon nobody recognises.
 */
import type { ReopenModule } from './types.js';

const REOPEN_TAG = 'consentry-reopen';

// The browser's own focus ring is kept; `::part(reopen)` restyles the rest.
const CSS = `:host{position:fixed;bottom:8px;z-index:2147483000}button{font:13px system-ui;padding:8px 12px;border-radius:16px;border:1px solid;background:var(--consentry-button-background,#fff);color:var(--consentry-button-text,#222)}`;

/** Adds the floating button to the page (once). */
export const mountReopenButton: ReopenModule['mountReopenButton'] = (doc, label, position, open) => {
  if (doc.querySelector(REOPEN_TAG)) return;
  const host = doc.createElement(REOPEN_TAG);
  // CSSOM, not a style attribute: allowed under a strict CSP.
  host.style.setProperty(position == 'bottom-right' ? 'right' : 'left', '8px');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  const button = doc.createElement('button');
  button.textContent = label;
  button.part.add('reopen');
  button.onclick = () => void open(button);
  root.append(button);
  doc.body.append(host);
};

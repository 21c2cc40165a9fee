/**
 * The way back to the preferences after a decision (EDPB taskforce: "a small
 * hovering and permanently visible icon"). Plain DOM in a shadow root, not
 * lit, so a returning visitor pays a few hundred bytes for it and the UI
 * chunk loads only when it is pressed. (As a chunk of its own it would cost a
 * returning visitor more than it saves a first one.) A short visible label
 * beats an icon nobody recognises.
 */
export const REOPEN_TAG = 'consentry-reopen';

// The browser's own focus ring is kept; `::part(reopen)` restyles the rest.
const CSS = `:host{position:fixed;bottom:8px;z-index:2147483000}button{font:13px system-ui;padding:8px 12px;border-radius:16px;border:1px solid;background:var(--consentry-button-background,#fff);color:var(--consentry-button-text,#222)}`;

/** Adds the floating button to the page (once). */
export const mountReopenButton = (doc: Document, label: string, position: string, open: (opener: Element) => void): void => {
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
  button.onclick = () => open(button);
  root.append(button);
  doc.body.append(host);
};

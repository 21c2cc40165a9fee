/**
 * The floating button (`<consentry-reopen>`): the way back to the preferences
 * after a decision (EDPB taskforce: "a small hovering and permanently visible
 * icon"). Plain DOM in a shadow root, not lit, so the UI chunk loads only when
 * it is pressed. Part of the core (`consentry.js`), not a chunk of its own:
 * every returning visitor needs it, and as a chunk it cost one more round trip
 * after the core before the way back was on screen, and more bytes (a module
 * file of its own) than the ~0.2 kB it adds to the core; the first visit,
 * which also carries it now, has room under its 10 kB budget. A site that
 * declares its own way back (`ui.reopenButton: false`) still never sees it.
 * A short visible label beats an icon nobody recognises.
 */

const REOPEN_TAG = 'consentry-reopen';

// The browser's own focus ring and button font are kept (8px of padding keeps the
// target well above 24×24 px); `::part(reopen)` restyles the rest.
const CSS = `:host{position:fixed;bottom:8px;z-index:2147483000}button{padding:8px;border-radius:16px;border:1px solid;background:var(--consentry-button-background,#fff);color:var(--consentry-button-text,#222)}`;

/** Adds `<consentry-reopen>` with `label` at `position` (bottom left unless `bottom-right`; once); pressing it calls `open` with the button. */
export const mountReopenButton = (doc: Document, label: string, position: string | undefined, open: (opener: Element) => unknown): void => {
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

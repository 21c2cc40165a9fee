/**
 * The way back to the preferences after a decision (EDPB taskforce: "a small
 * hovering and permanently visible icon"). Plain DOM in a shadow root, not
 * lit, so a returning visitor pays a few hundred bytes for it and the UI
 * chunk loads only when it is pressed.
 */
export const REOPEN_TAG = 'consentry-reopen';

const CSS = `:host{position:fixed;bottom:12px;left:12px;z-index:2147483000}:host([position=bottom-right]){left:auto;right:12px}
button{all:unset;box-sizing:border-box;display:grid;place-items:center;width:44px;height:44px;border-radius:50%;cursor:pointer;
background:var(--consentry-button-background,#fff);color:var(--consentry-button-text,#1a1a1a);border:2px solid var(--consentry-border,#1a1a1a);box-shadow:0 1px 4px #0004}
button:focus-visible{outline:3px solid var(--consentry-accent,#0b57d0);outline-offset:2px}svg{width:24px;height:24px;fill:currentColor}
@media print{:host{display:none}}`;

/** A cookie outline, drawn with DOM calls so no markup string is parsed. */
const icon = (doc: Document): SVGElement => {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute(
    'd',
    'M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5zm-4.5 9a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm3-5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm5 9a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm-6 2a1 1 0 1 1 0 2 1 1 0 0 1 0-2z',
  );
  svg.append(path);
  return svg;
};

/** Adds the floating button to the page (once) and returns it. */
export const mountReopenButton = (
  doc: Document,
  label: string,
  position: string,
  open: (opener: Element) => void,
): HTMLElement => {
  const existing = doc.querySelector<HTMLElement>(REOPEN_TAG);
  if (existing) return existing;
  const host = doc.createElement(REOPEN_TAG);
  host.setAttribute('position', position);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.append(icon(doc));
  button.onclick = () => open(button);
  root.append(button);
  doc.body.append(host);
  return host;
};

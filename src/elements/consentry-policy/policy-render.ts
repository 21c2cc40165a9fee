/**
 * The render pipeline of `<consentry-policy>`: front matter → Markdown (marked)
 * → sanitised DOM (DOMPurify, strict allow-list) → stable heading ids.
 *
 * The sanitiser returns a fragment that still belongs to DOMPurify's inert
 * document, so nothing in it loads or runs until the element adopts it, and no
 * HTML string ever reaches a DOM sink of the page (Trusted Types stay happy).
 */
import DOMPurify from 'dompurify';
import type { Config } from 'dompurify';
import { Marked } from 'marked';

export type PolicyFormat = 'markdown' | 'html';

/** Front-matter fields; `version` and `updated` are shown at the top. */
export type PolicyMeta = Record<string, string>;

export interface PolicyHeading {
  id: string;
  level: number;
  text: string;
  element: HTMLElement;
}

export interface ParsedPolicy {
  meta: PolicyMeta;
  /** Sanitised content, not yet attached to the page. */
  body: DocumentFragment;
  headings: PolicyHeading[];
}

/** `<!-- consentry:cookie-table -->` in a policy marks where the cookie table goes. */
export const COOKIE_TABLE_MARKER = 'consentry:cookie-table';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---\nkey: value\n---` front matter (a flat YAML subset) from the text. */
export const splitFrontMatter = (text: string): { meta: PolicyMeta; body: string } => {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { meta: {}, body: text.replace(/^\uFEFF/, '') };
  const meta: PolicyMeta = {};
  for (const line of match[1].split(/\r?\n/)) {
    const pair = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (pair) meta[pair[1]] = pair[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return { meta, body: text.slice(match[0].length) };
};

/** `11. Cookies and tracking technologies` → `11-cookies-and-tracking-technologies`. */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'section';

/** Guesses the format from a content type or a file name; Markdown unless it says HTML. */
export const detectFormat = (contentType?: string | null, url?: string | null): PolicyFormat =>
  /html/i.test(contentType ?? '') || /\.x?html?(?:[?#]|$)/i.test(url ?? '') ? 'html' : 'markdown';

const markdown = new Marked({ gfm: true, async: false });

// Only what a policy needs; everything else (script, style, iframe, object,
// embed, form, svg, math, base, meta, link, input…) is dropped.
const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small',
  'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time',
  'tr', 'u', 'ul', '#text', '#comment',
];
// No id/name (the element owns ids), no class/style, no on*, no target.
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers',
  'lang', 'dir', 'start', 'reversed', 'type', 'datetime', 'open', 'abbr',
];
/** http(s), mailto, tel and scheme-less (relative) URLs only. */
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite'];
const HAS_SCHEME = /^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})/i;

/** Drops whitespace and control characters, which browsers ignore inside a URL scheme. */
const compact = (url: string): string => url.replace(/[\s\p{Cc}]/gu, '');

/** Whether a config-supplied URL may become a link (SEC-4). */
export const isSafeUrl = (url: string): boolean => SAFE_URL.test(compact(url));

type TrustedTypePolicy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;

let purifier: ReturnType<typeof DOMPurify> | undefined;
let ttPolicy: TrustedTypePolicy | null | undefined;

type TrustedTypesFactory = { createPolicy(name: string, rules: object): TrustedTypePolicy };

/**
 * DOMPurify parses its input with DOMParser, a Trusted Types sink. Its own
 * policy is named `dompurify`; if the page already took that name, fall back
 * to `consentry`. The policy only ever feeds DOMPurify, never the page.
 */
const trustedTypesPolicy = (): TrustedTypePolicy | null => {
  if (ttPolicy !== undefined) return ttPolicy;
  ttPolicy = null;
  const tt = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt) return ttPolicy;
  const rules = { createHTML: (s: string) => s, createScriptURL: (s: string) => s };
  for (const name of ['dompurify', 'consentry']) {
    try {
      return (ttPolicy = tt.createPolicy(name, rules));
    } catch {
      // Name taken or not allowed by the page's CSP: try the next one.
    }
  }
  return ttPolicy;
};

const getPurifier = () => {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    const name = node.localName;
    if (name === 'a') {
      const href = node.getAttribute('href');
      if (href && /^https?:/i.test(href.trim()) && new URL(href, document.baseURI).origin !== location.origin) {
        node.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (name === 'img') {
      // No remote content: only same-origin relative images keep their source.
      const src = node.getAttribute('src') ?? '';
      if (!src || HAS_SCHEME.test(compact(src))) node.removeAttribute('src');
      if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
    }
  });
  return purifier;
};

/** Sanitises policy HTML into an inert fragment (see the module comment). */
export const sanitizePolicy = (html: string): DocumentFragment => {
  const policy = trustedTypesPolicy();
  const config: Config & { RETURN_DOM_FRAGMENT: true } = {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM_FRAGMENT: true,
    ...(policy ? { TRUSTED_TYPES_POLICY: policy } : {}),
  };
  const fragment = getPurifier().sanitize(html, config);
  // Defence in depth: DOMPurify already did this; a regression there must not reach the page.
  for (const el of fragment.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const bad =
        /^on/i.test(attr.name) ||
        attr.name === 'style' ||
        (URL_ATTRS.includes(attr.name) && /^(?:javascript|data|vbscript):/i.test(compact(attr.value)));
      if (bad) el.removeAttribute(attr.name);
    }
  }
  for (const img of fragment.querySelectorAll('img:not([src])')) {
    img.replaceWith(img.getAttribute('alt') ?? '');
  }
  return fragment;
};

/** Gives every heading a unique id slugged from its text (`x`, `x-2`…) and makes it focusable. */
export const assignHeadingIds = (root: ParentNode, reserved: Iterable<string> = []): PolicyHeading[] => {
  const taken = new Set(reserved);
  return [...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((element) => {
    const text = (element.textContent as string | null ?? '').replace(/\s+/g, ' ').trim();
    const base = slugify(text);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    element.id = id;
    element.tabIndex = -1;
    return { id, level: Number(element.localName[1]), text, element };
  });
};

/**
 * The two heading levels the table of contents shows: the top level of the
 * document, skipping a lone title (`# Privacy policy` over `##` sections).
 */
export const tocLevels = (headings: readonly PolicyHeading[]): [number, number | undefined] => {
  const levels = [...new Set(headings.map((h) => h.level))].sort();
  let i = 0;
  if (levels.length > 1 && levels[0] === 1 && headings.filter((h) => h.level === 1).length === 1) i = 1;
  return [levels[i] ?? 2, levels[i + 1]];
};

/** Markdown or HTML text → sanitised fragment with heading ids. */
export const parsePolicy = (text: string, format: PolicyFormat, reservedIds: Iterable<string> = []): ParsedPolicy => {
  const { meta, body } = splitFrontMatter(text);
  const html = format === 'markdown' ? markdown.parse(body, { async: false }) : body;
  const fragment = sanitizePolicy(html);
  return { meta, body: fragment, headings: assignHeadingIds(fragment, reservedIds) };
};

/**
 * Puts `node` where the cookie table belongs: at the marker comment, else at
 * the end of the first section whose heading mentions cookies. Other comments
 * are dropped. Returns false when there is no place for it.
 */
export const placeCookieTable = (root: DocumentFragment, headings: readonly PolicyHeading[], node: Node | null): boolean => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Comment[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode as Comment);
  let placed = false;
  for (const comment of comments) {
    if (node && !placed && comment.data.trim() === COOKIE_TABLE_MARKER) {
      comment.replaceWith(node);
      placed = true;
    } else comment.remove();
  }
  if (placed || !node) return placed;
  const about = headings.filter((h) => /cookie/i.test(h.text));
  const section = about.find((h) => h.level === Math.min(...about.map((a) => a.level)));
  if (!section) return false;
  const end = headings.find(
    (h) => h.level <= section.level && section.element.compareDocumentPosition(h.element) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  if (end && end.element.parentNode) end.element.parentNode.insertBefore(node, end.element);
  else (section.element.parentNode ?? root).appendChild(node);
  return true;
};

/**
 * Wraps the document's own tables in a labelled, focusable region that
 * scrolls sideways, so a wide table never makes the page scroll (WCAG 1.4.10).
 * The label is the caption, else the heading the table sits under.
 */
export const wrapTables = (root: DocumentFragment, headings: readonly PolicyHeading[]): void => {
  for (const table of root.querySelectorAll('table')) {
    const heading = headings.filter((h) => h.element.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    const label = table.caption?.textContent.trim() || heading?.text || 'Table';
    const region = table.ownerDocument.createElement('div');
    region.className = 'table-scroll';
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', label);
    region.tabIndex = 0;
    table.replaceWith(region);
    region.append(table);
  }
};

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
import { fastMarkdown } from './policy-markdown.js';
import { compact, isSafeUrl, leavesOrigin, SAFE_URL } from './policy-strings.js';

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
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite'];
const HAS_SCHEME = /^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})/i;

export { isSafeUrl };

type TrustedTypePolicy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;

/** One DOMPurify per window: the page's, or a Node DOM's when the CLI pre-renders. */
const purifiers = new WeakMap<object, ReturnType<typeof DOMPurify>>();
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

const ELEMENT = 1;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without the global (Node DOMs).
const SHOW_COMMENT = 128; // NodeFilter.SHOW_COMMENT

/** The sanitiser's allow-lists, with the Trusted Types policy DOMPurify parses through where the page enforces them. */
const purifyConfig = (): Config & { RETURN_DOM_FRAGMENT: true } => {
  const policy = trustedTypesPolicy();
  return {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM_FRAGMENT: true,
    ...(policy ? { TRUSTED_TYPES_POLICY: policy } : {}),
  };
};

const getPurifier = (win: Window) => {
  const existing = purifiers.get(win);
  if (existing) return existing;
  const purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  // Set once: sanitize(html, config) would parse the config again for every block.
  purifier.setConfig(purifyConfig());
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== ELEMENT) return;
    const el = node;
    const name = el.localName;
    if (name === 'a') {
      const href = el.getAttribute('href');
      if (href && leavesOrigin(href, win.document.baseURI, win.location.origin)) {
        el.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (name === 'img') {
      // No remote content: only same-origin relative images keep their source.
      const src = el.getAttribute('src') ?? '';
      if (!src || HAS_SCHEME.test(compact(src))) el.removeAttribute('src');
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
  });
  purifiers.set(win, purifier);
  return purifier;
};

/** Elements whose content is raw text: left open, they swallow the rest of the document. */
const RAW_TEXT = /<(script|style|textarea|title|iframe|noscript|noembed|noframes|xmp|plaintext|template)\b[^>]*>/gi;

/**
 * Neutralises constructs that, left unclosed, turn all that follows into
 * markup to be dropped: an opening comment without `-->`, a raw-text element
 * without its end tag. The opener becomes text-free nothing; what follows
 * stays. Returns what was taken out, for the report.
 */
export const closeUnclosed = (html: string): { html: string; dropped: string[] } => {
  const dropped: string[] = [];
  let out = html;
  const comment = out.lastIndexOf('<!--');
  if (comment !== -1 && out.indexOf('-->', comment + 4) === -1) {
    out = out.slice(0, comment) + out.slice(comment + 4);
    dropped.push('an unclosed comment <!--');
  }
  out = out.replace(RAW_TEXT, (tag: string, name: string, at: number) => {
    if (new RegExp(`</${name}\\s*>`, 'i').test(out.slice(at))) return tag;
    dropped.push(`an unclosed <${name.toLowerCase()}>`);
    return '';
  });
  return { html: out, dropped };
};

/** What the sanitiser took out of one block, as short names: `<script>`, `onerror on <img>`. */
const describeRemoved = (removed: readonly unknown[]): string[] =>
  removed.flatMap((item) => {
    const r = item as { element?: Element; attribute?: Attr | null; from?: Element };
    if (r.attribute) return [`${r.attribute.name} on <${r.from?.localName ?? '?'}>`];
    // DOMPurify lists the wrapper of its own parse; that is not the author's markup.
    if (r.element?.nodeType === ELEMENT) return ['body', 'html', 'head'].includes(r.element.localName) ? [] : [`<${r.element.localName}>`];
    return ['markup'];
  });

/** Sanitises policy HTML into an inert fragment (see the module comment). */
export const sanitizePolicy = (html: string, win: Window = window): DocumentFragment => sanitizeBlock(html, win).fragment;

/**
 * Sanitises one block of policy HTML on its own, so a malformed construct
 * cannot reach into the next block, and says what was dropped.
 */
export const sanitizeBlock = (html: string, win: Window = window): { fragment: DocumentFragment; dropped: string[] } => {
  const closed = closeUnclosed(html);
  const purifier = getPurifier(win);
  // The config was set on the purifier (RETURN_DOM_FRAGMENT): a fragment comes back.
  const fragment = purifier.sanitize(closed.html) as unknown as DocumentFragment;
  const dropped = [...closed.dropped, ...describeRemoved(purifier.removed)];
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
  return { fragment, dropped };
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
export const tocLevels = (headings: readonly { level: number }[]): [number, number | undefined] => {
  const levels = [...new Set(headings.map((h) => h.level))].sort();
  let i = 0;
  if (levels.length > 1 && levels[0] === 1 && headings.filter((h) => h.level === 1).length === 1) i = 1;
  return [levels[i] ?? 2, levels[i + 1]];
};

/** A piece of the policy that is parsed and sanitised on its own, named for the console. */
export interface PolicyBlock {
  /** The block's first heading, or `the beginning`. */
  name: string;
  source: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const CONTAINERS = new Set(['details', 'section', 'div', 'table', 'ul', 'ol', 'dl', 'blockquote', 'figure', 'article', 'aside', 'nav', 'header', 'footer', 'main']);

/**
 * Cuts the text before each top-level heading (each section: `##` under a
 * lone `#` title), so every section is parsed and sanitised alone: a
 * construct left open in one cannot swallow the sections after it, and the
 * browser can yield between them. Sections, not every heading: each block
 * costs a parse and a sanitiser document of its own. Markdown is cut outside
 * code fences, and every block gets the document's link definitions; HTML is
 * cut only where no container element is open.
 */
export const splitBlocks = (body: string, format: PolicyFormat): PolicyBlock[] => {
  /** Where a block may start: the heading's offset (line, or character for HTML), level and name. */
  const cuts: { at: number; level: number; name: string }[] = [];
  let lines: string[] = [];
  if (format === 'markdown') {
    lines = body.split(/\r?\n/);
    let fence: string | undefined;
    lines.forEach((line, at) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence === undefined && marker) fence = marker[0];
      else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
      else if (fence === undefined) {
        const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(line);
        if (heading) cuts.push({ at, level: heading[1].length, name: heading[2].trim() });
      }
    });
  } else {
    let depth = 0;
    for (const match of body.matchAll(/<(\/?)([a-z][\w-]*)\b[^>]*>/gi)) {
      const tag = match[2].toLowerCase();
      if (CONTAINERS.has(tag)) depth = Math.max(0, depth + (match[1] ? -1 : 1));
      if (CONTAINERS.has(tag) || match[1] || !/^h[1-6]$/.test(tag) || depth > 0) continue;
      const end = body.indexOf('</', match.index);
      const name = body.slice(match.index + match[0].length, end === -1 ? undefined : end).replace(/<[^>]*>/g, '').trim() || 'a heading';
      cuts.push({ at: match.index, level: Number(tag[1]), name });
    }
  }
  const [top] = tocLevels(cuts);
  const starts = cuts.filter((cut) => cut.level <= top);
  const blocks: PolicyBlock[] = [];
  const bounds = [{ at: 0, name: 'the beginning' }, ...starts];
  bounds.forEach((start, i) => {
    const end = bounds[i + 1]?.at;
    const source = format === 'markdown' ? lines.slice(start.at, end).map((line) => line + '\n').join('') : body.slice(start.at, end);
    blocks.push({ name: start.name, source });
  });
  if (format === 'markdown') {
    const definitions = lines.filter((line) => LINK_DEFINITION.test(line)).join('\n');
    if (definitions) for (const block of blocks) block.source += '\n' + definitions + '\n';
  }
  return blocks.filter((block) => block.source.trim());
};

/** One inert document per window for the fast path's nodes: nothing in it loads until the element adopts it. */
const inertDocuments = new WeakMap<object, Document>();
const inertDocument = (win: Window): Document => {
  let doc = inertDocuments.get(win);
  if (!doc) inertDocuments.set(win, (doc = win.document.implementation.createHTMLDocument('')));
  return doc;
};

/**
 * One block → sanitised fragment; what the sanitiser dropped is returned for
 * the report. Plain Markdown is built as DOM directly (`policy-markdown.ts`):
 * nothing in it for a sanitiser to drop; the rest goes through marked and DOMPurify.
 */
export const parseBlock = (block: PolicyBlock, format: PolicyFormat, win: Window = window): { fragment: DocumentFragment; dropped: string[] } => {
  const fast = format === 'markdown' ? fastMarkdown(block.source, inertDocument(win), win) : null;
  return fast ? { fragment: fast, dropped: [] } : sanitizedBlock(block, format, win);
};

/** One block through marked (for Markdown) and the sanitiser: any HTML, and Markdown the fast path leaves. */
export const sanitizedBlock = (block: PolicyBlock, format: PolicyFormat, win: Window = window): { fragment: DocumentFragment; dropped: string[] } => {
  let source = block.source;
  const dropped: string[] = [];
  if (format === 'markdown' && !/^ {0,3}(`{3,}|~{3,})/m.test(source)) {
    // Closed before Markdown sees it: an open comment would make the rest of the block one HTML block.
    const closed = closeUnclosed(source);
    source = closed.html;
    dropped.push(...closed.dropped);
  }
  const html = format === 'markdown' ? markdown.parse(source, { async: false }) : source;
  const sanitized = sanitizeBlock(html, win);
  return { fragment: sanitized.fragment, dropped: [...dropped, ...sanitized.dropped] };
};

/** Markdown or HTML text → sanitised fragment with heading ids, block by block. */
export const parsePolicy = (
  text: string,
  format: PolicyFormat,
  reservedIds: Iterable<string> = [],
  win: Window = window,
  report: (block: string, dropped: string[]) => void = reportDropped,
): ParsedPolicy => {
  const { meta, body } = splitFrontMatter(text);
  let fragment: DocumentFragment | undefined;
  for (const block of splitBlocks(body, format)) {
    const parsed = parseBlock(block, format, win);
    if (parsed.dropped.length) report(block.name, parsed.dropped);
    // Gathered in the first block's inert document: nothing loads before the element adopts it.
    (fragment ??= parsed.fragment.ownerDocument.createDocumentFragment()).append(parsed.fragment);
  }
  fragment ??= sanitizeBlock('', win).fragment;
  return { meta, body: fragment, headings: assignHeadingIds(fragment, reservedIds) };
};

/** The console line for markup a block lost: the author learns what and where. */
export const reportDropped = (block: string, dropped: string[]): void => {
  console.warn(`consentry-policy: in "${block}", dropped ${[...new Set(dropped)].join(', ')}`);
};

/**
 * Puts `node` where the cookie table belongs: at the marker comment, else at
 * the end of the first section whose heading mentions cookies. Other comments
 * are dropped. Returns false when there is no place for it.
 */
export const placeCookieTable = (root: DocumentFragment, headings: readonly PolicyHeading[], node: Node | null): boolean => {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, SHOW_COMMENT);
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
  const end = headings.find((h) => h.level <= section.level && section.element.compareDocumentPosition(h.element) & FOLLOWING);
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
    const heading = headings.filter((h) => h.element.compareDocumentPosition(table) & FOLLOWING).pop();
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

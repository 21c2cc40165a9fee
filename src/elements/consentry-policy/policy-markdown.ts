/**
 * The fast path of the policy builder: plain Markdown straight to DOM nodes,
 * without an HTML string, an HTML parser or a sanitiser in between.
 *
 * Most of a policy is headings, paragraphs, lists, a table, emphasis and
 * links. Built with `createElement` and text nodes, that subset cannot carry
 * markup: there is nothing for a sanitiser to remove. So a block that keeps
 * to it is built here, and a block that does not — raw HTML, images, code,
 * escapes, entities, autolinks, reference links, nesting, anything unusual —
 * returns `null` and goes through marked and DOMPurify as before. The test is
 * conservative: when in doubt, the full path.
 *
 * What is built here is the DOM marked and DOMPurify make of the same text
 * (the same elements, attributes, text and line breaks): the differential
 * spec, `policy-markdown.test.ts`, holds the two paths to that.
 *
 * Why: in a fresh page marked's lexer runs cold (its regular expressions
 * compile and run interpreted first) and DOMPurify walks every node with its
 * hooks; together they were most of the 50 ms the demo policy took to render.
 */
import { isSafeUrl, leavesOrigin } from './policy-strings.js';

type Tag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'p' | 'ul' | 'ol' | 'li' | 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td' | 'strong' | 'em' | 'a';

/** Nodes of the block being built, in one inert document. */
interface Out {
  doc: Document;
  win: Window;
}

const HEADING = /^(#{1,6}) +(\S.*)$/;
const BULLET = /^([-*+]) (\S.*)$/;
const ORDERED = /^(0|[1-9]\d{0,8})([.)]) (\S.*)$/;
const TABLE_LINE = /^\|.*\|$/;
const DELIMITER_CELL = /^-+$/;
/** A comment alone on its line (the cookie-table marker): nothing in it that HTML could read as more. */
const COMMENT = /^<!--((?:[^<>-]|-(?!-))*[^<>-])?-->$/;
/**
 * Characters this path leaves to marked: HTML, entities, escapes, code, `_`/`~` emphasis, images, tabs, controls,
 * and characters beyond the BMP (an emoji beside `*` is punctuation to marked, half a pair to `text[i]`).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSUPPORTED = /[<>&\\`_~\t\u0000-\u0009\u000b-\u001f\u007f\ud800-\udfff]|!\[/;
/** GFM autolinks (bare URLs and e-mail addresses) are marked's to find. */
const AUTOLINK = /https?:\/\/|ftp:\/\/|www\.|@/i;
/** A link destination `encodeURI` leaves as it is and HTML reads back unchanged. */
const DESTINATION = /^[A-Za-z0-9\-._~:/?#@!$+,;=%]+$/;
/** Text a line of paragraph may start with; anything else could open another construct. */
const PLAIN_START = /^[\p{L}\p{N}("'“‘£€$[]|^\*\*?[^\s*]/u;
const LIST_LIKE = /^\d+[.)](?:\s|$)/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/;
/** Where the next emphasis or link may begin (or a stray `]`). */
const SPECIAL = /[*[\]]/g;

/** Marks that this block is not for the fast path. */
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

const element = (out: Out, tag: Tag, ...children: (Node | string)[]): HTMLElement => {
  const node = out.doc.createElement(tag);
  node.append(...children);
  return node;
};

/** Whether a run of `*` at `at` (of `length`) may open or close emphasis (CommonMark's flanking rules). */
const flanking = (text: string, at: number, length: number) => {
  const before = at > 0 ? text[at - 1] : ' ';
  const after = at + length < text.length ? text[at + length] : ' ';
  const beforeSpace = SPACE.test(before);
  const afterSpace = SPACE.test(after);
  const beforePunct = PUNCTUATION.test(before);
  const afterPunct = PUNCTUATION.test(after);
  return {
    opens: !afterSpace && (!afterPunct || beforeSpace || beforePunct),
    closes: !beforeSpace && (!beforePunct || afterSpace || afterPunct),
  };
};

/**
 * Inline text → nodes: text, `**strong**`, `*em*` and `[text](url)`, none
 * nested in another. Any other use of the special characters is unsupported.
 */
const inline = (out: Out, text: string, inLink = false): (Node | string)[] => {
  if (UNSUPPORTED.test(text)) unsupported();
  const nodes: (Node | string)[] = [];
  let plain = '';
  const flush = () => {
    if (!plain) return;
    // Bare URLs and addresses become links in marked (not inside a link's text).
    if (!inLink && AUTOLINK.test(plain)) unsupported();
    nodes.push(plain);
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    // Runs of text are taken whole, not a character at a time: the code runs cold, once per page.
    SPECIAL.lastIndex = i;
    const at = SPECIAL.exec(text)?.index ?? text.length;
    if (at > i) {
      plain += text.slice(i, at);
      i = at;
      continue;
    }
    const c = text[i];
    if (c === '*') {
      const length = text[i + 1] === '*' ? 2 : 1;
      if (text[i + length] === '*' || !flanking(text, i, length).opens) unsupported();
      const end = text.indexOf('*', i + length);
      if (end === -1 || (length === 2 && text[end + 1] !== '*') || (length === 1 && text[end + 1] === '*')) unsupported();
      if (!flanking(text, end, length).closes || text[end + length] === '*') unsupported();
      const content = text.slice(i + length, end);
      if (/[[\]]/.test(content)) unsupported();
      flush();
      nodes.push(element(out, length === 2 ? 'strong' : 'em', ...inline(out, content, inLink)));
      i = end + length;
    } else if (c === '[') {
      if (inLink) unsupported();
      const close = text.indexOf(']', i + 1);
      const label = close === -1 ? '' : text.slice(i + 1, close);
      if (!label.trim() || label !== label.trim() || /[[*]/.test(label) || text[close + 1] !== '(') unsupported();
      const end = text.indexOf(')', close + 2);
      const href = end === -1 ? '' : text.slice(close + 2, end);
      // An unsafe URL is the sanitiser's to drop and report.
      if (!DESTINATION.test(href) || !isSafeUrl(href)) unsupported();
      flush();
      nodes.push(link(out, href, inline(out, label, true)));
      i = end + 1;
    } else {
      unsupported();
    }
  }
  flush();
  return nodes;
};

/** A link as the sanitiser leaves it: other origins get `rel="noopener noreferrer"`. */
const link = (out: Out, href: string, children: (Node | string)[]): HTMLElement => {
  const a = element(out, 'a', ...children);
  a.setAttribute('href', href);
  if (leavesOrigin(href, out.win.document.baseURI, out.win.location.origin)) {
    a.setAttribute('rel', 'noopener noreferrer');
  }
  return a;
};

/** `| a | b |` → `['a', 'b']`. */
const cells = (line: string): string[] =>
  line
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim());

/**
 * One block of policy Markdown → a fragment in `doc` (an inert document), or
 * `null` when the block needs marked and the sanitiser.
 */
export const fastMarkdown = (source: string, doc: Document, win: Window): DocumentFragment | null => {
  const out: Out = { doc, win };
  const fragment = doc.createDocumentFragment();
  const lines = source.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  try {
    let i = 0;
    /** Whether the line before `i` lets a new construct start (blank, a heading, the start). */
    let open = true;
    const block = (node: Node) => fragment.append(node, '\n');
    while (i < lines.length) {
      const line = lines[i];
      if (line === '') {
        open = true;
        i++;
        continue;
      }
      // Trailing spaces (hard breaks), indentation (code, continuations): marked's.
      if (line !== line.trim()) unsupported();
      const heading = HEADING.exec(line);
      if (heading) {
        if (!open || /#$/.test(heading[2])) unsupported();
        block(element(out, `h${heading[1].length}` as Tag, ...inline(out, heading[2])));
        i++;
        open = true;
        continue;
      }
      const next = lines[i + 1] ?? '';
      const ends = (at: number) => at >= lines.length || lines[at] === '';
      if (!open) unsupported();
      open = false;
      const bullet = BULLET.exec(line);
      const ordered = bullet ? null : ORDERED.exec(line);
      if (bullet || ordered) {
        const pattern = bullet ? BULLET : ORDERED;
        const marker = (bullet ?? ordered)![bullet ? 1 : 2];
        const list = element(out, bullet ? 'ul' : 'ol', '\n');
        if (ordered && Number(ordered[1]) !== 1) list.setAttribute('start', String(Number(ordered[1])));
        for (; i < lines.length && lines[i] !== ''; i++) {
          const item = pattern.exec(lines[i]);
          if (!item || item[bullet ? 1 : 2] !== marker) unsupported();
          const text = item![bullet ? 2 : 3];
          // An item's text that could itself open a block (a nested list, a heading, a task box…).
          if (!PLAIN_START.test(text) || LIST_LIKE.test(text) || /^\[[ xX]\]/.test(text)) unsupported();
          list.append(element(out, 'li', ...inline(out, text)), '\n');
        }
        // A blank line and another item would make the list loose.
        let after = i;
        while (lines[after] === '') after++;
        if (after < lines.length && (BULLET.test(lines[after]) || ORDERED.test(lines[after]))) unsupported();
        block(list);
        continue;
      }
      if (TABLE_LINE.test(line) && TABLE_LINE.test(next)) {
        const head = cells(line);
        const delimiter = cells(next);
        if (delimiter.length !== head.length || !delimiter.every((cell) => DELIMITER_CELL.test(cell))) unsupported();
        const row = (texts: string[], tag: 'th' | 'td') => {
          const tr = element(out, 'tr', '\n');
          for (const text of texts) tr.append(element(out, tag, ...inline(out, text)), '\n');
          return tr;
        };
        const table = element(out, 'table', '\n', element(out, 'thead', '\n', row(head, 'th'), '\n'), '\n');
        const body = element(out, 'tbody');
        for (i += 2; !ends(i); i++) {
          const texts = TABLE_LINE.test(lines[i]) ? cells(lines[i]) : unsupported();
          if (texts.length !== head.length) unsupported();
          body.append(row(texts, 'td'), '\n');
        }
        if (body.firstChild) table.append(body);
        block(table);
        continue;
      }
      const comment = COMMENT.exec(line);
      if (comment) {
        if (!ends(i + 1)) unsupported();
        // The sanitiser's HTML parser puts a comment that comes before any content outside the body: it is lost there too.
        if (fragment.firstChild) fragment.append(doc.createComment(comment[1] ?? ''));
        i++;
        continue;
      }
      // A paragraph: lines that start as text, up to a blank line.
      const start = i;
      for (; !ends(i); i++) {
        const text = lines[i];
        if (text !== text.trim() || !PLAIN_START.test(text) || LIST_LIKE.test(text) || /^\[[^\]]*\]:/.test(text) || /^\*+$/.test(text)) unsupported();
      }
      block(element(out, 'p', ...inline(out, lines.slice(start, i).join('\n'))));
    }
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  return fragment;
};

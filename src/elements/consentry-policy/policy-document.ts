/**
 * Builds the whole policy document — title, version line, history, the
 * "Your consent" panel's place, contents, text with heading ids, back links
 * and the cookie declaration — as DOM in a given window. Nothing here reads
 * globals: the element runs it in the page, `consentry render` in a Node DOM,
 * so the pre-rendered page and the element show the same document.
 *
 * The work comes in steps (one per block of the text) so the browser can
 * yield between them and no task runs long; the CLI runs them straight.
 */
import type { Basis, ConsentryConfig } from '../../core/types.js';
import { cookieTable, elementMaker } from './cookie-table.js';
import {
  assignHeadingIds,
  parseBlock,
  placeCookieTable,
  reportDropped,
  splitBlocks,
  splitFrontMatter,
  tocLevels,
  wrapTables,
  type PolicyFormat,
  type PolicyHeading,
  type PolicyMeta,
} from './policy-render.js';
import { formatDate, isSafeUrl, pickText, type PolicyStrings } from './policy-strings.js';

/** Id of the contents heading, target of the "Back to contents" links. */
export const CONTENTS_ID = 'consentry-contents';
export const CONSENT_ID = 'consentry-your-consent';
/** From this many top-level sections on, each section ends with a "Back to contents" link. */
export const LONG_DOCUMENT = 5;
/** Marks a built document; a page that holds one is enhanced, not rebuilt. */
export const PRERENDERED_ATTR = 'data-consentry-policy';

export interface TocEntry {
  id: string;
  text: string;
  children: { id: string; text: string }[];
}

export interface PolicyDocumentInput {
  text: string;
  format: PolicyFormat;
  /** For the cookie table, the version line and the history. */
  config?: ConsentryConfig;
  /** Primary language subtag (config texts) and the locale for dates. */
  lang: string;
  locale: string;
  t: PolicyStrings;
  bases?: Record<string, Basis>;
  /** Whether to hold the "Your consent" panel (in its before-any-choice form, filled in by the element). */
  consentPanel: boolean;
  /** Told about markup a block lost; the console by default. */
  report?: (block: string, dropped: string[]) => void;
}

export interface PolicyDocument {
  meta: PolicyMeta;
  article: HTMLElement;
  toc: TocEntry[];
}

/** The steps of a build: each `yield` is a point where the browser may run other work. */
export function* policySteps(win: Window, input: PolicyDocumentInput): Generator<undefined, PolicyDocument, undefined> {
  const doc = win.document;
  const el = elementMaker(doc);
  const { t, config: cfg, lang } = input;
  const { meta, body: text } = splitFrontMatter(input.text);
  let body: DocumentFragment | undefined;
  for (const block of splitBlocks(text, input.format)) {
    const parsed = parseBlock(block, input.format, win);
    if (parsed.dropped.length) (input.report ?? reportDropped)(block.name, parsed.dropped);
    // Gathered in the first block's inert document: nothing loads before the element adopts it.
    (body ??= parsed.fragment.ownerDocument.createDocumentFragment()).append(parsed.fragment);
    yield;
  }
  body ??= doc.createDocumentFragment();
  const headings = assignHeadingIds(body, [CONTENTS_ID, CONSENT_ID]);
  wrapTables(body, headings);
  placeCookieTable(body, headings, cfg ? cookieTable(cfg, lang, t, input.bases, body.ownerDocument ?? doc) : null);
  yield;

  const [top, sub] = tocLevels(headings);
  let title: HTMLElement | undefined;
  const first = body.firstElementChild as HTMLElement | null;
  if (first?.localName === 'h1' && top > 1) {
    title = first;
    first.remove();
  }
  const toc: TocEntry[] = [];
  const tocHeadings: PolicyHeading[] = [];
  for (const heading of headings) {
    if (heading.level === top) toc.push({ id: heading.id, text: heading.text, children: [] });
    else if (heading.level === sub && toc.length) toc[toc.length - 1].children.push({ id: heading.id, text: heading.text });
    else continue;
    tocHeadings.push(heading);
  }
  const sections = tocHeadings.filter((h) => h.level === top);
  if (sections.length >= LONG_DOCUMENT) {
    const back = () => {
      const a = el('a', t('policyBackToContents'));
      a.setAttribute('href', `#${CONTENTS_ID}`);
      const p = el('p', undefined, a);
      p.className = 'back';
      return p;
    };
    for (const section of sections.slice(1)) section.element.before(back());
    body.append(back());
  }

  const article = el('article');
  article.className = 'policy';
  article.setAttribute('part', 'policy');
  article.setAttribute(PRERENDERED_ATTR, '');
  const date = (value: string | number) => {
    const { text: shown, datetime } = formatDate(value, input.locale);
    const time = el('time', shown);
    if (datetime) time.setAttribute('datetime', datetime);
    return time;
  };

  const header = el('header');
  header.setAttribute('part', 'header');
  if (title) header.append(title);
  const version = meta.version || cfg?.policy?.version;
  const updated = meta.updated || cfg?.policy?.updated;
  if (version || updated) {
    const line = el('p');
    line.className = 'meta';
    line.setAttribute('part', 'meta');
    if (version) line.append(el('span', `${t('policyVersion')} `, el('strong', version)));
    if (updated) line.append(el('span', `${t('policyUpdated')} `, date(updated)));
    header.append(line);
  }
  // The version notice depends on the visitor's choice: the element fills this in.
  const notice = el('div');
  notice.setAttribute('data-consentry-notice', '');
  header.append(notice);
  const history = cfg?.policy?.history;
  if (history?.length) {
    const list = el('ol');
    for (const entry of history) {
      const name = entry.url && isSafeUrl(entry.url) ? el('a', entry.version) : el('strong', entry.version);
      if (name.localName === 'a') name.setAttribute('href', entry.url as string);
      list.append(el('li', undefined, name, ' (', date(entry.date), `): ${pickText(entry.summary, lang, cfg?.language)}`));
    }
    const details = el('details', undefined, el('summary', t('policyHistory')), list);
    details.className = 'history';
    details.setAttribute('part', 'history');
    header.append(details);
  }
  article.append(header);

  if (input.consentPanel) {
    // Before any choice, the way a first visit sees it; `data-consentry-open`
    // lets the core open the preference centre even before the viewer loads.
    const heading = el('h2', t('policyYourConsent'));
    heading.id = CONSENT_ID;
    const button = el('button', t('policyChoose'));
    button.type = 'button';
    button.setAttribute('part', 'change');
    button.setAttribute('data-consentry-open', '');
    const actions = el('p', undefined, button);
    actions.className = 'actions';
    const panel = el('section', undefined, heading, el('p', t('policyUndecided')), actions);
    panel.className = 'consent';
    panel.setAttribute('part', 'consent');
    panel.setAttribute('aria-labelledby', CONSENT_ID);
    panel.setAttribute('data-consentry-consent', '');
    article.append(panel);
  }

  const layout = el('div');
  layout.className = 'layout';
  if (toc.length) {
    const heading = el('h2', t('policyContents'));
    heading.id = CONTENTS_ID;
    heading.setAttribute('tabindex', '-1');
    const link = ({ id, text: label }: { id: string; text: string }) => {
      const a = el('a', label);
      a.setAttribute('href', `#${id}`);
      return a;
    };
    const list = el(
      'ol',
      undefined,
      ...toc.map((entry) =>
        el('li', undefined, link(entry), ...(entry.children.length ? [el('ol', undefined, ...entry.children.map((c) => el('li', undefined, link(c))))] : [])),
      ),
    );
    const nav = el('nav', undefined, heading, list);
    nav.className = 'toc';
    nav.setAttribute('part', 'toc');
    nav.setAttribute('aria-labelledby', CONTENTS_ID);
    layout.append(nav);
  }
  const content = el('div', undefined, body);
  content.className = 'content';
  content.setAttribute('part', 'content');
  layout.append(content);
  article.append(layout);
  return { meta, article, toc };
}

/** The whole build at once (the CLI, and tests). */
export const buildPolicy = (win: Window, input: PolicyDocumentInput): PolicyDocument => {
  const steps = policySteps(win, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

/** Gives the main thread back: `scheduler.yield()` where there is one, else a new task. */
const yieldToMain = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * The build in the browser, yielding whenever a task has run `budgetMs`:
 * 10 ms here is 40 ms on a phone four times slower, under the 50 ms of a
 * long task.
 */
export const buildPolicyInTasks = async (win: Window, input: PolicyDocumentInput, budgetMs = 10): Promise<PolicyDocument> => {
  const steps = policySteps(win, input);
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started > budgetMs) {
      await yieldToMain();
      started = performance.now();
    }
  }
};

/**
 * The cookie declaration, generated from the config that gates the scripts,
 * so the policy and the site's behaviour cannot disagree. Built with DOM calls
 * and `textContent` only: config strings are text, never markup.
 */
import type { Basis, ConsentryConfig } from '../../core/types.js';
import { basisKey, pickText, type PolicyStrings } from './policy-strings.js';

/** One row of the declaration, in table order. */
export interface CookieRow {
  name: string;
  service: string;
  provider: string;
  purpose: string;
  duration: string;
  basis: string;
  justification?: string;
  /** False for the placeholder row of a service that sets no cookies. */
  cookie: boolean;
}

/** `createElement` with text and children, in `doc` (the page's, or a Node DOM's for the CLI). */
export const elementMaker =
  (doc: Document) =>
  <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    node.append(...children);
    return node;
  };

/** Rows of one category: a row per cookie, or one per service that sets none. */
export const categoryRows = (
  config: ConsentryConfig,
  index: number,
  lang: string,
  t: PolicyStrings,
  basis: Basis,
): CookieRow[] => {
  const fallback = config.language;
  const basisText = t(basisKey(basis));
  return (config.categories[index].services ?? []).flatMap((service): CookieRow[] =>
    service.cookies?.length
      ? service.cookies.map((cookie) => ({
          name: cookie.name,
          service: service.name,
          provider: cookie.provider,
          purpose: pickText(cookie.purpose, lang, fallback),
          duration: cookie.duration,
          basis: basisText,
          justification: cookie.justification && pickText(cookie.justification, lang, fallback),
          cookie: true,
        }))
      : [
          {
            name: t('policyNoCookies'),
            service: service.name,
            provider: '',
            purpose: pickText(service.description, lang, fallback),
            duration: '',
            basis: basisText,
            cookie: false,
          },
        ],
  );
};

/**
 * One captioned table per category, each in a labelled, focusable region that
 * scrolls sideways on narrow screens instead of the page.
 */
export const cookieTable = (
  config: ConsentryConfig,
  lang: string,
  t: PolicyStrings,
  bases: Record<string, Basis> = {},
  doc: Document = document,
): HTMLElement => {
  const el = elementMaker(doc);
  const root = el('div');
  root.className = 'cookie-declaration';
  root.setAttribute('part', 'cookies');
  root.append(el('p', t('policyCookiesIntro')));
  config.categories.forEach((category, index) => {
    const basis = (bases[category.id] as Basis | undefined) ?? category.basis ?? 'consent';
    const title = pickText(category.title, lang, config.language);
    const rows = categoryRows(config, index, lang, t, basis);
    const essential = basis === 'strictly-necessary';
    const columns = [
      t('policyCookieName'),
      t('policyService'),
      t('policyProvider'),
      t('policyPurpose'),
      t('policyDuration'),
      t('policyBasis'),
      ...(essential ? [t('policyJustification')] : []),
    ];
    const head = el('tr');
    for (const column of columns) {
      const th = el('th', column);
      th.setAttribute('scope', 'col');
      head.append(th);
    }
    const body = el('tbody');
    for (const row of rows) {
      const name = row.cookie ? el('th', undefined, el('code', row.name)) : el('th', row.name);
      name.setAttribute('scope', 'row');
      const cells = [row.service, row.provider, row.purpose, row.duration, row.basis];
      if (essential) cells.push(row.justification ?? '');
      body.append(el('tr', undefined, name, ...cells.map((cell) => el('td', cell))));
    }
    const table = el('table', undefined, el('caption', title), el('thead', undefined, head), body);
    table.dataset.category = category.id;
    const region = el('div', undefined, table);
    region.className = 'table-scroll';
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', title);
    region.setAttribute('tabindex', '0');
    const description = pickText(category.description, lang, config.language);
    root.append(...(description ? [el('p', description)] : []), region);
  });
  return root;
};

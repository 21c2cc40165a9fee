/**
 * The pre-render entry (`dist/prerender.js`), for Node: `consentry render`
 * builds the policy with the same parser, sanitiser, heading ids and cookie
 * table as `<consentry-policy>`, in a DOM the caller provides (jsdom), and
 * writes the page stylesheet `dist/policy.css` from the element's own styles.
 */
import type { ConsentryConfig } from './core/types.js';
import { policyStyles } from './elements/consentry-policy/consentry-policy.styles.js';
import { buildPolicy } from './elements/consentry-policy/policy-document.js';
import { languageWithoutCore, policyStringsFor, policyTable } from './elements/consentry-policy/policy-strings.js';
import { loadTables } from './i18n/index.js';

export interface RenderOptions {
  text: string;
  format: 'markdown' | 'html';
  config?: ConsentryConfig;
  /** The page's language tag (`en-GB`, `cy`); the config's `language` comes first, as in the core. */
  language?: string;
  consentPanel?: boolean;
  report?: (block: string, dropped: string[]) => void;
}

/**
 * The policy as the HTML a site serves inside `<consentry-policy>`, in the
 * language the core would resolve for a page in `pageLanguage`.
 */
export const renderPolicy = async (win: Window, options: RenderOptions): Promise<string> => {
  const lang = languageWithoutCore(options.config, options.language);
  const page = options.language ?? '';
  const locale = page.toLowerCase().split('-')[0] === lang ? page : lang === 'en' ? 'en-GB' : lang;
  await loadTables(lang, policyTable);
  // The i18n reads the page's direction from `document`: the DOM given here.
  const global = globalThis as { document?: Document };
  const own = global.document;
  global.document = win.document;
  try {
    const { article } = buildPolicy(win, {
      text: options.text,
      format: options.format,
      config: options.config,
      lang,
      locale,
      t: policyStringsFor(undefined, options.config, lang),
      consentPanel: options.consentPanel ?? true,
      report: options.report,
    });
    return article.outerHTML;
  } finally {
    global.document = own;
  }
};

/**
 * The element's styles for the page, where a pre-rendered policy lives before
 * (and after) the element upgrades: `:host` becomes the element, the rest is
 * nested under it, so the first paint already looks like the enhanced page.
 */
export const policyCss = (): string => {
  let text = policyStyles.map((sheet) => sheet.cssText).join('\n');
  // `:host(<selector>)` → `&:is(<selector>)`, the selector's own parentheses kept.
  for (let at = text.indexOf(':host('); at !== -1; at = text.indexOf(':host(', at)) {
    let depth = 0;
    let end = at + 5;
    do depth += text[end] === '(' ? 1 : text[end] === ')' ? -1 : 0;
    while (depth > 0 && ++end < text.length);
    text = `${text.slice(0, at)}&:is(${text.slice(at + 6, end)})${text.slice(end + 1)}`;
  }
  text = text.replace(/:host\b/g, '&');
  return `/* <consentry-policy> for pre-rendered pages: made by the build from the element's styles. */\nconsentry-policy {\n${text}\n}\n`;
};

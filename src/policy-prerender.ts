/**
 * The pre-render entry (`dist/prerender.js`), for Node: `consentry render`
 * builds the policy with the same parser, sanitiser, heading ids and cookie
 * table as `<consentry-policy>`, in a DOM the caller provides (jsdom), and
 * writes the page stylesheet `dist/policy.css` from the element's own styles.
 */
import type { ConsentryConfig } from './core/types.js';
import { policyStyles } from './elements/consentry-policy/consentry-policy.styles.js';
import { buildPolicy } from './elements/consentry-policy/policy-document.js';
import { stringsFor } from './elements/consentry-policy/policy-strings.js';

export interface RenderOptions {
  text: string;
  format: 'markdown' | 'html';
  config?: ConsentryConfig;
  /** A language tag (`en-GB`, `cy`); the config's, else English. */
  language?: string;
  consentPanel?: boolean;
  report?: (block: string, dropped: string[]) => void;
}

/** The policy as the HTML a site serves inside `<consentry-policy>`. */
export const renderPolicy = (win: Window, options: RenderOptions): string => {
  const tag = options.language || options.config?.language || 'en';
  const locale = tag === 'en' ? 'en-GB' : tag;
  const lang = locale.toLowerCase().split('-')[0];
  const { article } = buildPolicy(win, {
    text: options.text,
    format: options.format,
    config: options.config,
    lang,
    locale,
    t: stringsFor(options.config, lang),
    consentPanel: options.consentPanel ?? true,
    report: options.report,
  });
  return article.outerHTML;
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

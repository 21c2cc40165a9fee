// `consentry render`: the privacy policy as HTML that is there in the first
// paint. The Markdown (or HTML) goes through the same parser, sanitiser,
// heading ids and cookie table as <consentry-policy> (dist/prerender.js, made
// by `npm run build`), in jsdom. The result is printed, or written inside the
// <consentry-policy> element of a page with --into; --check only says whether
// that page is current (exit 1 when it is not), for CI.
import { deliver, loadPrerender, readInput } from './prerender-io.js';

const USAGE =
  'usage: consentry render <policy.md|.html> [--config consent.json] [--lang tag] [--base URL] [--no-consent-panel] [--into page.html [--check]]';

/** `--name value` options and the positional arguments. */
const parseArgs = (args) => {
  const options = { consentPanel: true, check: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--config') options.config = value();
    else if (arg === '--lang') options.lang = value();
    else if (arg === '--base') options.base = value();
    else if (arg === '--into') options.into = value();
    else if (arg === '--check') options.check = true;
    else if (arg === '--no-consent-panel') options.consentPanel = false;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length !== 1) throw new Error('give exactly one policy file');
  if (options.check && !options.into) throw new Error('--check needs --into page.html');
  return options;
};

/** The open tag of the page's <consentry-policy> and where its content ends. */
const OPEN = /<consentry-policy\b[^>]*>/i;
const CLOSE = /<\/consentry-policy\s*>/i;

/** The page with the element's content replaced by `html` (attributes and the rest of the page kept). */
export const intoPage = (page, html, file = 'the page') => {
  const open = OPEN.exec(page);
  if (!open) throw new Error(`${file}: no <consentry-policy> element to render into`);
  const start = open.index + open[0].length;
  const close = CLOSE.exec(page.slice(start));
  if (!close) throw new Error(`${file}: <consentry-policy> is not closed`);
  const indent = /[ \t]*$/.exec(page.slice(0, open.index))[0];
  return `${page.slice(0, start)}\n${indent}  ${html}\n${indent}${page.slice(start + close.index)}`;
};

/** Runs the command; resolves to the exit code. */
export const render = async (args) => {
  let options;
  try {
    options = parseArgs(args);
  } catch (error) {
    console.error(`consentry render: ${error.message}\n${USAGE}`);
    return 2;
  }
  const loaded = await loadPrerender('render');
  if (!loaded) return 2;
  const { renderPolicy } = loaded.prerender;
  const { JSDOM } = loaded;
  try {
    const [file] = options.files;
    const text = readInput(file, 'policy file');
    let config;
    if (options.config) {
      try {
        config = JSON.parse(readInput(options.config, 'config'));
      } catch (error) {
        throw new Error(error instanceof SyntaxError ? `${options.config}: not valid JSON: ${error.message}` : error.message);
      }
    }
    const page = options.into ? readInput(options.into, 'page') : undefined;
    const language = options.lang ?? (page && /<html\b[^>]*\blang="([^"]+)"/i.exec(page)?.[1]) ?? undefined;
    const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: options.base ?? 'http://localhost/' });
    const dropped = [];
    const html = await renderPolicy(window, {
      text,
      format: /\.x?html?$/i.test(file) ? 'html' : 'markdown',
      config,
      language,
      consentPanel: options.consentPanel,
      report: (block, what) => dropped.push(`${file}: in "${block}", dropped ${[...new Set(what)].join(', ')}`),
    });
    window.close();
    for (const line of dropped) console.error(line);
    return deliver({
      command: 'render',
      args,
      html,
      page,
      next: page === undefined ? undefined : intoPage(page, html, options.into),
      into: options.into,
      check: options.check,
      what: 'policy',
      done: 'policy rendered into <consentry-policy>',
    });
  } catch (error) {
    console.error(`consentry render: ${error.message}`);
    return 1;
  }
};

// `consentry banner <consent.json>`: the first layer as markup for the page's
// first frame. It is the banner the element builds (dist/prerender.js, made by
// `npm run build`, in jsdom), inside a declarative shadow root. The page puts
// it first in <body> and loads dist/head.js first in <head>, which hides it
// from a visitor who has already chosen; the UI chunk then makes it the live
// banner. Printed, or written first in <body> of a page with --into (replacing
// an earlier one); --check only says whether that page is current (exit 1
// when it is not), for CI. The sha256 of its <style> goes to stderr: a strict
// CSP allows the stylesheet by it.
import { createHash } from 'node:crypto';
import { deliver, loadPrerender, readInput } from './prerender-io.js';

const USAGE = 'usage: consentry banner <consent.json> [--lang tag] [--into page.html [--check]]';

const parseArgs = (args) => {
  const options = { check: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--lang' || arg === '--into') {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      options[arg.slice(2)] = next;
    } else if (arg === '--check') options.check = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length !== 1) throw new Error('give exactly one config file');
  if (options.check && !options.into) throw new Error('--check needs --into page.html');
  return options;
};

/** An earlier pre-rendered banner (to replace), else the end of the <body> open tag (to insert after). */
const EARLIER = /[ \t]*<consentry-banner\b[^>]*\bdata-prerendered\b[\s\S]*?<\/template><\/consentry-banner>\n?/i;
const BODY = /<body\b[^>]*>\n?/i;

/** The page with `html` first in <body> (an earlier pre-rendered banner replaced). */
export const intoPage = (page, html, file = 'the page') => {
  if (EARLIER.test(page)) return page.replace(EARLIER, () => `${html}\n`);
  const body = BODY.exec(page);
  if (!body) throw new Error(`${file}: no <body> to put the banner in`);
  const at = body.index + body[0].length;
  return `${page.slice(0, at)}${body[0].endsWith('\n') ? '' : '\n'}${html}\n${page.slice(at)}`;
};

/** Runs the command; resolves to the exit code. */
export const banner = async (args) => {
  let options;
  try {
    options = parseArgs(args);
  } catch (error) {
    console.error(`consentry banner: ${error.message}\n${USAGE}`);
    return 2;
  }
  const loaded = await loadPrerender('banner');
  if (!loaded) return 2;
  const { renderBanner } = loaded.prerender;
  const { JSDOM } = loaded;
  try {
    const [file] = options.files;
    let config;
    try {
      config = JSON.parse(readInput(file, 'config'));
    } catch (error) {
      throw new Error(error instanceof SyntaxError ? `${file}: not valid JSON: ${error.message}` : error.message);
    }
    if (!Array.isArray(config.categories)) throw new Error(`${file}: categories: expected an array (run consentry check ${file})`);
    const page = options.into ? readInput(options.into, 'page') : undefined;
    const language = options.lang ?? (page && /<html\b[^>]*\blang="([^"]+)"/i.exec(page)?.[1]) ?? undefined;
    const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
    const { html, style, dropped } = await renderBanner(window, config, language);
    window.close();
    for (const key of dropped) console.error(`${file}: ${key}: left out of the pre-rendered banner (a value with < > { } ; or \\ could end its stylesheet)`);
    console.error(`style-src for its stylesheet: 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    return deliver({
      command: 'banner',
      args,
      html,
      page,
      next: page === undefined ? undefined : intoPage(page, html, options.into),
      into: options.into,
      check: options.check,
      what: 'banner',
      done: 'banner rendered first in <body>',
    });
  } catch (error) {
    console.error(`consentry banner: ${error.message}`);
    return 1;
  }
};

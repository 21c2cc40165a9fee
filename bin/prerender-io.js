// What `consentry render` and `consentry banner` share: loading the built
// pre-render entry and jsdom, reading an input file with an error that names
// it, and the output (print it, or write it into a page, or with --check only
// say whether the page is current).
import { readFileSync, writeFileSync } from 'node:fs';

/** dist/prerender.js and jsdom's JSDOM, or null after saying what is missing. */
export const loadPrerender = async (command) => {
  let prerender;
  try {
    prerender = await import(new URL('../dist/prerender.js', import.meta.url).href);
  } catch {
    console.error(`consentry ${command}: dist/prerender.js is missing; run \`npm run build\` first`);
    return null;
  }
  try {
    const { JSDOM } = await import('jsdom');
    return { prerender, JSDOM };
  } catch {
    console.error(`consentry ${command}: needs jsdom for its DOM: npm install -D jsdom`);
    return null;
  }
};

/** A file's text; a missing file is named as the `what` it should have been. */
export const readInput = (file, what) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: ${error.code === 'ENOENT' ? `no such ${what}` : error.message}`);
  }
};

/**
 * Prints `html` when there is no page; otherwise writes `next` (the page with
 * it) to `into`, or with `check` only compares. Resolves to the exit code.
 * `what` names the output ("policy", "banner"), `done` what writing did.
 */
export const deliver = ({ command, args, html, page, next, into, check, what, done }) => {
  if (page === undefined) {
    process.stdout.write(html + '\n');
    return 0;
  }
  if (check) {
    if (next === page) {
      console.log(`${into}: the pre-rendered ${what} is current`);
      return 0;
    }
    console.log(`${into}: the pre-rendered ${what} is out of date; run consentry ${command} ${args.filter((a) => a !== '--check').join(' ')}`);
    return 1;
  }
  if (next !== page) writeFileSync(into, next);
  console.log(`${into}: ${next === page ? 'already current' : done}`);
  return 0;
};

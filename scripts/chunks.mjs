// The chunk map's one home is src/chunks.ts; the build and the size report
// read the names and sources from it here.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../src/chunks.ts', import.meta.url), 'utf8');

/** `{ ui: 'src/ui.ts', 'i18n/fr': 'src/i18n/fr.ts', … }` */
export const CHUNKS = Object.fromEntries(
  [...source.matchAll(/^\s*'?([\w/]+)'?: \(\) => import\('\.\/(.+)\.js'\),$/gm)].map(([, name, file]) => [name, `src/${file}.ts`]),
);
if (!CHUNKS.ui || !CHUNKS.decide) throw new Error('scripts/chunks.mjs: could not read the chunk map in src/chunks.ts');

// Bundles the console's front end (console.ts + Chart.js) into
// dist/console-ui/, which the server serves under /console/assets/.
// Run by `npm run build -w server`; nothing here is part of the widget.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const out = here('../../../dist/console-ui/');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [here('./console.ts')],
  outfile: `${out}console.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
copyFileSync(here('./console.css'), `${out}console.css`);

// The unit and component specs in Debian's Firefox ESR (puppeteer-core over
// WebDriver BiDi): `npx wtr --config web-test-runner.firefox.config.mjs`.
import base from './web-test-runner.config.mjs';
import { firefoxLauncher } from './scripts/wtr-engines.mjs';

// Firefox starts and runs slower than Chromium on a loaded 2-core machine.
export default { ...base, browserStartTimeout: 120_000, testFramework: { config: { timeout: 20_000 } }, browsers: [await firefoxLauncher()] };

// The unit and component specs in WebKitGTK's MiniBrowser (WebKitWebDriver on
// a private Xvfb display, both started and stopped by the launcher):
// `npx wtr --config web-test-runner.webkit.config.mjs`.
import base from './web-test-runner.config.mjs';
import { webkitLauncher } from './scripts/wtr-engines.mjs';

export default {
  ...base,
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [webkitLauncher()],
};

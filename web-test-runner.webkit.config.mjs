// The unit and component specs in WebKitGTK's MiniBrowser (WebKitWebDriver on
// a private Xvfb display, both started and stopped by the launcher):
// `npx wtr --config web-test-runner.webkit.config.mjs`.
import base from './web-test-runner.config.mjs';
import { webkitLauncher } from './scripts/wtr-engines.mjs';

/**
 * Spec files WebKit does not run yet, each with its reason (printed on every
 * run, so the gap stays visible until it is closed).
 */
const NOT_IN_WEBKIT = {
  'src/elements/consentry-banner/consentry-banner.test.ts': 'hangs in MiniBrowser under WebKitWebDriver before its first spec reports (not yet diagnosed)',
  'src/elements/consentry-preferences/consentry-preferences.test.ts': 'hangs in MiniBrowser under WebKitWebDriver (not yet diagnosed)',
};
for (const [file, why] of Object.entries(NOT_IN_WEBKIT)) console.log(`WebKit: spec file not run: ${file}: ${why}`);

export default {
  ...base,
  files: [...base.files, ...Object.keys(NOT_IN_WEBKIT).map((file) => `!${file}`)],
  browserStartTimeout: 120_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [webkitLauncher()],
};

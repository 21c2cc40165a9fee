// Debian's Chromium, launched the same way by every browser run in this repo:
// the unit runner, the e2e suite, the benchmarks, the Storybook smoke pass and
// the screenshots. As root it needs --no-sandbox; the machine reaches nothing
// beyond loopback, so background networking is off.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A headless playwright-core browser on Debian's Chromium; `extra` flags are added to the usual ones. */
export const launchChromium = async (extra = []) => {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extra] });
};

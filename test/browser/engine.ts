/**
 * The spec side of the engine commands (scripts/wtr-engines.mjs): which
 * engine the spec runs in, and viewport, keys and media emulation that work
 * in Chromium, Firefox and WebKit alike. Use these instead of the
 * @web/test-runner-commands ones, which know Playwright and CDP only.
 *
 * Media emulation exists only where the driver can do it (Chromium's CDP).
 * A spec that needs it is declared with `itWithMediaEmulation`: in the other
 * engines it is listed, with the reason, as run in Chromium, never dropped
 * without a word.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** A spec body, synchronous or async. */
type Spec = Mocha.Func | Mocha.AsyncFunc;

const ua = navigator.userAgent;
export const engine: Engine = /\bFirefox\//.test(ua) ? 'firefox' : /Chrom(e|ium)\//.test(ua) ? 'chromium' : 'webkit';

// The user agent decides which specs register; the runner knows the engine
// for sure. A mismatch would leave specs out in the wrong engine: fail instead.
before(async () => {
  const told = await executeServerCommand<{ engine: Engine }, undefined>('consentry-engine');
  if (told.engine !== engine) throw new Error(`engine.ts took ${engine} for ${told.engine} (user agent: ${ua})`);
});

const NO_MEDIA_EMULATION: Record<Engine, string | null> = {
  chromium: null,
  firefox: 'Firefox is driven over WebDriver BiDi, which has no media emulation',
  webkit: 'WebKitWebDriver has no media emulation',
};

/** Why this engine cannot emulate media features, or null where it can. */
export const mediaEmulationMissing = NO_MEDIA_EMULATION[engine];

/**
 * A spec that emulates colour scheme, reduced motion or print media. It runs
 * where the driver can emulate them and is reported, with the reason, as run
 * in Chromium elsewhere.
 */
export function itWithMediaEmulation(title: string, fn: Spec): void {
  if (!mediaEmulationMissing) it(title, fn as Mocha.AsyncFunc);
  else it.skip(`${title} [not run in ${engine}: ${mediaEmulationMissing}; runs in chromium]`, fn as Mocha.AsyncFunc);
}

/**
 * A spec that cannot run in some engines for a reason outside the code under
 * test (the test harness, not the product): `itExceptIn({ webkit: 'why' }, ...)`.
 * Listed with the reason in the run's log where it does not run.
 */
export function itExceptIn(reasons: Partial<Record<Engine, string>>, title: string, fn: Spec): void {
  const why = reasons[engine];
  if (!why) it(title, fn as Mocha.AsyncFunc);
  else it.skip(`${title} [not run in ${engine}: ${why}]`, fn as Mocha.AsyncFunc);
}

/** Why this engine cannot make a 320 px wide viewport, or null where it can. */
export const narrowViewportMissing =
  engine === 'webkit' ? "MiniBrowser's window cannot be narrower than its toolbar (447 px inside) and WebDriver has no viewport emulation" : null;

/**
 * A spec that needs a viewport narrower than 447 px (the 320 px reflow
 * checks, WCAG 1.4.10). Reported, with the reason, as run elsewhere in WebKit.
 */
export function itAtNarrowViewport(title: string, fn: Spec): void {
  if (!narrowViewportMissing) it(title, fn as Mocha.AsyncFunc);
  else it.skip(`${title} [not run in ${engine}: ${narrowViewportMissing}; runs in chromium and firefox]`, fn as Mocha.AsyncFunc);
}

/**
 * A suite whose every spec needs a viewport narrower than 447 px (the 320 px
 * language layouts, the axe sweep at phone widths). Reported, spec by spec and
 * with the reason, as run elsewhere in WebKit.
 */
export function describeAtNarrowViewport(title: string, fn: (this: Mocha.Suite) => void): void {
  if (!narrowViewportMissing) describe(title, fn);
  else describe.skip(`${title} [not run in ${engine}: ${narrowViewportMissing}; runs in chromium and firefox]`, fn);
}

export const setViewport = (size: { width: number; height: number }): Promise<unknown> =>
  executeServerCommand('consentry-set-viewport', size);

/** Presses a key or chord by its Playwright name: "Tab", "Space", "Shift+Tab", "Escape". */
export const press = (key: string): Promise<unknown> => executeServerCommand('consentry-press', { key });

export interface MediaOptions {
  colorScheme?: 'light' | 'dark' | 'no-preference';
  reducedMotion?: 'reduce' | 'no-preference';
  media?: 'screen' | 'print';
}

/**
 * Emulates media features where the engine can. In a set-up (`beforeEach`)
 * use `resetMedia`, which does nothing where there is no emulation (the
 * engine's defaults are light, no reduced motion and screen already).
 */
export const emulateMedia = (media: MediaOptions): Promise<unknown> => executeServerCommand('consentry-emulate-media', media);

export const resetMedia = async (): Promise<void> => {
  if (!mediaEmulationMissing) {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', media: 'screen' });
    return;
  }
  const off = ['(prefers-color-scheme: dark)', '(prefers-reduced-motion: reduce)', 'print'].filter((q) => matchMedia(q).matches);
  if (off.length) throw new Error(`${engine} starts with ${off.join(', ')} and cannot emulate them away: ${mediaEmulationMissing}`);
};

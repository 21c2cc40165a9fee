/**
 * Effective withdrawal: what stops a category that already ran on this page.
 *
 * Code that already ran cannot be unloaded: it keeps its timers, listeners and
 * queued events, and writes its cookies back. Unless the site switches it off
 * (`reloadOnWithdraw: false`, for pages that must not reload and that load the
 * auto-blocking build, which stops the declared hosts, cookies and storage keys
 * in place), withdrawing a category whose scripts ran here reloads the page:
 * the one stop that works for every library. The visitor's other tabs follow:
 * the core of each hears of every decision on a BroadcastChannel and applies
 * it there (`follow` in decide.ts), this stop included.
 */

/** Categories among `withdrawn` with a gated script that was released on this page. */
export const ranOnPage = (doc: Document, withdrawn: readonly string[]): string[] =>
  [...doc.querySelectorAll('script[data-consent]:not([type="text/plain"])')]
    .map((s) => s.getAttribute('data-consent')!.split(':')[0])
    .filter((c, i, all) => withdrawn.includes(c) && all.indexOf(c) === i);

export interface WithdrawalOptions {
  doc: Document;
  /** `config.reloadOnWithdraw`; absent means true. */
  reload: boolean | undefined;
  /** Reloads the page (tests pass their own). */
  reloadPage: () => void;
}

/** After a decision that withdrew `withdrawn`: reload this page when something of it ran here. Returns whether it reloads. */
export const stopWithdrawn = (withdrawn: readonly string[], o: WithdrawalOptions): boolean => {
  const ran = withdrawn.length > 0 && o.reload !== false && ranOnPage(o.doc, withdrawn).length > 0;
  if (ran) o.reloadPage();
  return ran;
};

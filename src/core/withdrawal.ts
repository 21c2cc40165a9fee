/**
 * Effective withdrawal: what stops a category that already ran on this page.
 *
 * Code that already ran cannot be unloaded: it keeps its timers, listeners and
 * queued events, and writes its cookies back. Unless the site switches it off
 * (`reloadOnWithdraw: false`, for pages that must not reload and that load the
 * auto-blocking build, which stops the declared hosts, cookies and storage keys
 * in place), withdrawing a category whose scripts ran here reloads the page:
 * the one stop that works for every library. The visitor's other tabs hear of
 * the withdrawal on a BroadcastChannel and, where the head script listens
 * (`dist/head.js`), reload too if they ran it.
 */

/** The channel every tab of the site listens on. */
export const TAB_CHANNEL = 'consentry';

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

/**
 * After a decision that withdrew `withdrawn`: tell the other tabs, and reload
 * this one when something of it ran here. Returns whether it reloads.
 */
export const stopWithdrawn = (withdrawn: readonly string[], o: WithdrawalOptions): boolean => {
  if (!withdrawn.length || o.reload === false) return false;
  try {
    const tabs = new BroadcastChannel(TAB_CHANNEL);
    tabs.postMessage(withdrawn);
    tabs.close();
  } catch {
    // No BroadcastChannel (very old engines): other tabs follow at their next page.
  }
  const ran = ranOnPage(o.doc, withdrawn).length > 0;
  if (ran) o.reloadPage();
  return ran;
};

/**
 * Listens for withdrawals made in the visitor's other tabs: this tab reloads
 * when it ran a script of a withdrawn category (the guards of the head script
 * already hold here, since they read the consent cookie on every call).
 * Returns the function that stops listening.
 */
export const followOtherTabs = (doc: Document, reload: boolean | undefined, reloadPage: () => void): (() => void) => {
  if (reload === false || typeof BroadcastChannel != 'function') return () => {};
  const tabs = new BroadcastChannel(TAB_CHANNEL);
  tabs.onmessage = (e: MessageEvent<string[]>) => {
    if (Array.isArray(e.data) && ranOnPage(doc, e.data).length) reloadPage();
  };
  return () => tabs.close();
};

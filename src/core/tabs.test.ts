/**
 * A visitor's other open tabs follow every decision (issue 11), on any page
 * with the core: no head script needed. Each "tab" is a same-origin iframe
 * with its own document, realm, core and BroadcastChannel (the e2e journey in
 * test/e2e/tabs.test.mjs does the same with two real pages).
 */
import { expect } from '@open-wc/testing';
import { browserCookies, exampleConfig, reset, waitUntil, nextTask } from './core.harness.js';
import type { ChangeDetail, ConsentApi } from './types.js';

const ANALYTICS = '<script type="text/plain" data-consent="analytics">window.__analyticsRuns = (window.__analyticsRuns || 0) + 1</script>';

interface Tab {
  frame: HTMLIFrameElement;
  win: Window & { __analyticsRuns?: number };
  api: ConsentApi;
  heard: ChangeDetail[];
  reloads: number;
}

let tabs: Tab[] = [];
/** The cookies the browser holds (through the driver: a document's own `document.cookie` can lag behind another's writes). */
const cookieNames = async () => (await browserCookies()).map((c) => c.name);

/** A page of the site in its own browsing context, with the core booted on it (reloads recorded, not done). */
const openTab = async (body = ''): Promise<Tab> => {
  const frame = document.createElement('iframe');
  frame.src = `/test-strict-page?${new URLSearchParams({ csp: "script-src 'self' 'unsafe-inline'", body }).toString()}`;
  document.body.append(frame);
  const win = (await waitUntil(() => frame.contentWindow?.consentryCsp && frame.contentWindow)) as Tab['win'];
  const tab = { frame, win, heard: [], reloads: 0 } as unknown as Tab;
  win.document.addEventListener('consentry:change', (e) => tab.heard.push(e.detail));
  tab.api = await win.consentryCsp!.createConsentry(exampleConfig(), {
    load: win.consentryCsp!.loadChunk,
    gpc: false,
    reload: () => void tab.reloads++,
  });
  tabs.push(tab);
  return tab;
};

describe('the visitor’s other tabs', function () {
  this.timeout(20_000);
  beforeEach(reset);
  afterEach(async () => {
    for (const t of tabs) {
      t.api.destroy();
      t.frame.remove();
    }
    tabs = [];
    await reset();
  });

  it('apply a decision made in one tab: the gated script runs there and the open banner closes', async () => {
    const a = await openTab();
    const b = await openTab(ANALYTICS);
    await waitUntil(() => b.win.document.querySelector('consentry-banner'), 8000);
    expect(b.win.__analyticsRuns).to.equal(undefined);

    await a.api.acceptAll('banner');
    await waitUntil(() => b.win.__analyticsRuns);
    expect(b.win.__analyticsRuns).to.equal(1);
    expect(b.api.getState()).to.include({ decided: true, subject: a.api.getState().subject });
    expect(b.api.get('analytics')).to.equal(true);
    // Told as if decided there (head script, tag managers, the elements), once; the deciding tab hears itself once.
    expect(b.heard.map((d) => [d.action, d.method])).to.deep.equal([['accept-all', 'banner']]);
    expect(a.heard).to.have.length(1);
    await waitUntil(() => !b.win.document.querySelector('consentry-banner'));
    await waitUntil(() => b.win.document.querySelector('consentry-reopen'));
  });

  it('stop what a withdrawal in another tab takes away: a tab that ran it reloads, one that did not stays', async () => {
    const a = await openTab();
    const ran = await openTab(ANALYTICS);
    const idle = await openTab();
    await a.api.acceptAll();
    await waitUntil(() => ran.win.__analyticsRuns);

    await a.api.withdraw(['analytics']);
    await waitUntil(() => ran.reloads);
    await nextTask(100);
    expect(ran.reloads).to.equal(1);
    expect(idle.reloads).to.equal(0);
    expect(idle.api.get('analytics')).to.equal(false);
    expect(idle.heard.map((d) => d.action)).to.deep.equal(['accept-all', 'withdraw']);
    // The withdrawal reloads the tab that decided only where its own scripts ran.
    expect(a.reloads).to.equal(0);
  });

  it('erase what a withdrawn category wrote back in a tab that ran it: when the tab hears, and again as it goes', async () => {
    const a = await openTab();
    const ran = await openTab(ANALYTICS);
    await a.api.acceptAll();
    await waitUntil(() => ran.win.__analyticsRuns);
    // A tracker still running there saves its cookie after the deciding tab erased it,
    // and once more from the pagehide listener it added when it loaded, as the page goes.
    ran.win.document.addEventListener('consentry:change', () => void (ran.win.document.cookie = '_ga=GA1.1.8;path=/'), { once: true });
    ran.win.addEventListener('pagehide', () => void (ran.win.document.cookie = '_ga=GA1.1.9;path=/'));
    await a.api.withdraw(['analytics']);
    await waitUntil(() => ran.reloads);
    expect(await cookieNames()).not.to.include('_ga');
    ran.win.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(await cookieNames()).not.to.include('_ga');
  });

  it('stop listening once destroyed', async () => {
    const a = await openTab();
    const b = await openTab(ANALYTICS);
    b.api.destroy();
    await a.api.acceptAll();
    await nextTask(300);
    expect(b.win.__analyticsRuns).to.equal(undefined);
    expect(b.heard).to.deep.equal([]);
  });
});

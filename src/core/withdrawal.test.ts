import { expect } from '@open-wc/testing';
import { addScript, boot, reset } from './core.harness.js';
import { ranOnPage, stopWithdrawn } from './withdrawal.js';

describe('effective withdrawal', () => {
  afterEach(reset);

  it('knows which withdrawn categories ran a script on this page (released by the gate, not still waiting)', () => {
    addScript({ 'data-consent': 'analytics:ga4' }, '');
    addScript({ type: 'text/plain', 'data-consent': 'marketing' }, '');
    expect(ranOnPage(document, ['analytics', 'marketing', 'functional'])).to.deep.equal(['analytics']);
  });

  it('reloads by default when a withdrawn category’s script ran here', () => {
    addScript({ 'data-consent': 'analytics' }, '');
    const reloads: string[] = [];
    expect(stopWithdrawn(['analytics'], { doc: document, reload: undefined, reloadPage: () => reloads.push('reload') })).to.equal(true);
    expect(reloads).to.deep.equal(['reload']);
  });

  it('does not reload when nothing of the withdrawn category ran, or when reloadOnWithdraw is false', () => {
    const reloads: string[] = [];
    const reloadPage = () => reloads.push('reload');
    expect(stopWithdrawn(['analytics'], { doc: document, reload: undefined, reloadPage })).to.equal(false);
    addScript({ 'data-consent': 'analytics' }, '');
    expect(stopWithdrawn(['analytics'], { doc: document, reload: false, reloadPage })).to.equal(false);
    expect(stopWithdrawn([], { doc: document, reload: true, reloadPage })).to.equal(false);
    expect(reloads).to.deep.equal([]);
  });

  it('through the core: withdrawing a category whose gated script ran reloads the page (env.reload)', async () => {
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, 'window.__ranAnalytics = 1');
    const reloads: string[] = [];
    const api = await boot(undefined, { reload: () => reloads.push('reload') });
    await api.acceptAll();
    await api.withdraw(['marketing']);
    expect(reloads).to.deep.equal([]);
    await api.withdraw(['analytics']);
    expect(reloads).to.deep.equal(['reload']);
    delete (window as unknown as Record<string, unknown>).__ranAnalytics;
  });
});

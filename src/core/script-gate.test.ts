import { expect } from '@open-wc/testing';
import { addScript, addToPage, boot, nextTask, ran, reset, uiCalls } from './core.harness.js';

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + check.toString());
    await nextTask(10);
  }
};

describe('gating scripts and embeds', () => {
  afterEach(reset);

  it('a gated inline script stays inert until its category is granted, then runs once', async () => {
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('inline')");
    (window as unknown as { __ran: string[] }).__ran = [];
    const api = await boot();
    await nextTask();
    expect(ran()).to.deep.equal([]);
    await api.save(['functional']);
    expect(ran()).to.deep.equal([]);
    await api.save(['analytics']);
    await api.acceptAll();
    expect(ran()).to.deep.equal(['inline']);
  });

  it('reads data-consent as the placeholders do: `analytics:` is the category, a malformed value never runs', async () => {
    (window as unknown as { __ran: string[] }).__ran = [];
    addScript({ type: 'text/plain', 'data-consent': 'analytics:' }, "__ran.push('empty service')");
    addScript({ type: 'text/plain', 'data-consent': 'analytics:ga4:extra' }, "__ran.push('malformed')");
    const api = await boot();
    await api.save(['analytics']);
    await nextTask();
    expect(ran()).to.deep.equal(['empty service']);
  });

  it('runs external and inline gated scripts in document order, an external one blocking the next', async () => {
    (window as unknown as { __ran: string[] }).__ran = [];
    addScript({ type: 'text/plain', 'data-consent': 'analytics', src: '/test/fixtures/scripts/record.js', 'data-name': 'first' });
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('second')");
    addScript({ type: 'text/plain', 'data-consent': 'marketing', src: '/test/fixtures/scripts/record.js', 'data-name': 'third' });
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('fourth')");
    const api = await boot();
    await api.acceptAll();
    await until(() => ran().length === 4);
    expect(ran()).to.deep.equal(['first', 'second', 'third', 'fourth']);
  });

  it('keeps the nonce, the other attributes, and turns data-type="module" into a module script', async () => {
    (window as unknown as { __ran: string[] }).__ran = [];
    const s = addScript({
      type: 'text/plain',
      'data-consent': 'analytics',
      'data-type': 'module',
      src: '/test/fixtures/scripts/module.js',
      nonce: 'n0nce-42',
      id: 'tagged',
      referrerpolicy: 'no-referrer',
    });
    expect(s.getAttribute('nonce')).to.equal('n0nce-42');
    const api = await boot();
    await api.acceptAll();
    await until(() => ran().length === 1);
    expect(ran()).to.deep.equal(['module:true']);
    const live = document.getElementById('tagged') as HTMLScriptElement;
    expect(live.type).to.equal('module');
    expect(live.nonce).to.equal('n0nce-42');
    expect(live.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(live.dataset.consent).to.equal('analytics');
  });

  it('gates scripts added to the page later, by other scripts or a SPA', async () => {
    (window as unknown as { __ran: string[] }).__ran = [];
    const api = await boot();
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('late-before')");
    await nextTask();
    expect(ran()).to.deep.equal([]);
    await api.save(['analytics']);
    expect(ran()).to.deep.equal(['late-before']);
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('late-after')");
    addScript({ type: 'text/plain', 'data-consent': 'marketing' }, "__ran.push('never')");
    await nextTask();
    expect(ran()).to.deep.equal(['late-before', 'late-after']);
  });

  it('service-level gating: data-consent="category:service" runs for the category or that service alone', async () => {
    (window as unknown as { __ran: string[] }).__ran = [];
    addScript({ type: 'text/plain', 'data-consent': 'marketing:video' }, "__ran.push('video')");
    addScript({ type: 'text/plain', 'data-consent': 'marketing:meta' }, "__ran.push('meta')");
    const api = await boot();
    await api.allowService('marketing', 'video');
    expect(api.get('marketing')).to.equal(false);
    expect(api.get('marketing', 'video')).to.equal(true);
    expect(ran()).to.deep.equal(['video']);
  });

  it('an iframe gets its src only when granted; withdrawn, it is replaced by a fresh one without src (its document stops)', async () => {
    const box = addToPage('<iframe data-consent="marketing" data-src="about:blank#video" title="Video"></iframe>');
    const frame = box.querySelector('iframe')!;
    const api = await boot();
    expect(frame.hasAttribute('src')).to.equal(false);
    await api.acceptAll();
    expect(frame.getAttribute('src')).to.equal('about:blank#video');
    await api.withdraw(['marketing']);
    // Removing src alone would leave the loaded document running (and Firefox reloads it from the frame's history).
    expect(frame.isConnected).to.equal(false);
    const fresh = box.querySelector('iframe')!;
    expect(fresh.hasAttribute('src')).to.equal(false);
    expect([fresh.dataset.src, fresh.title]).to.deep.equal(['about:blank#video', 'Video']);
  });

  it('an iframe added later is gated too', async () => {
    const api = await boot();
    const frame = addToPage('<iframe data-consent="marketing" data-src="about:blank#late" title="Late"></iframe>').querySelector('iframe')!;
    await nextTask();
    expect(frame.hasAttribute('src')).to.equal(false);
    await api.acceptAll();
    expect(frame.getAttribute('src')).to.equal('about:blank#late');
  });

  it('a script without type="text/plain" is not ours to gate (documented): only text/plain is held', async () => {
    (window as unknown as { __ran: string[] }).__ran = [];
    await boot();
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('held')");
    await nextTask();
    expect(ran()).to.deep.equal([]);
  });

  it('asks the UI for placeholders when a gated embed is blocked', async () => {
    addToPage('<iframe data-consent="marketing:video" data-src="about:blank" title="Video"></iframe>');
    await boot();
    await nextTask();
    expect(uiCalls).to.include('mountPlaceholders');
  });
});

import { expect } from '@open-wc/testing';
import { configWithVideo, resetUi, waitFor } from './ui.harness.js';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html consentry',
].join('; ');

/**
 * Waits that include fetching a chunk served from source: the first spec file
 * of a run compiles the whole UI on the dev server, slow on a loaded machine
 * (Firefox and WebKit run this file first too).
 */
const CHUNK_MS = 15_000;

const EMBED = '<iframe data-consent="marketing:youtube" data-src="/test/fixtures/xss/README.md" width="300" height="150" title="Video"></iframe>';

/**
 * A same-origin iframe whose document is served under the strict CSP (a
 * response header, see /test-strict-page in web-test-runner.config.mjs) and
 * loads the core from source.
 */
const strictPage = async (body = `<p>Page</p>${EMBED}`, csp = CSP): Promise<HTMLIFrameElement> => {
  const frame = document.createElement('iframe');
  frame.dataset.test = '';
  frame.width = '1024';
  frame.height = '700';
  frame.src = `/test-strict-page?${new URLSearchParams({ csp, body })}`;
  document.body.append(frame);
  await waitFor(() => frame.contentWindow?.consentryCsp, 8000);
  // The policy is in force in that document, and its violations are reported:
  // eval is refused with a securitypolicyviolation event (some engines fire it
  // a task later, so it is awaited before the spec starts counting).
  const doc = frame.contentDocument as Document;
  const reported = new Promise((resolve) => doc.addEventListener('securitypolicyviolation', resolve, { once: true }));
  expect(() => (frame.contentWindow as unknown as { eval: (code: string) => unknown }).eval('1')).to.throw();
  const seen = await Promise.race([reported.then(() => true), new Promise<boolean>((r) => setTimeout(r, 5000, false))]);
  expect(seen, 'the strict page reported no violation for its refused eval').to.be.true;
  return frame;
};

describe('the UI under a strict Content-Security-Policy and Trusted Types', function () {
  this.timeout(4 * CHUNK_MS);
  afterEach(resetUi);

  it('shows the banner, the preference centre and a placeholder, styled, with 0 violations', async () => {
    const frame = await strictPage();
    const win = frame.contentWindow as Window;
    const doc = frame.contentDocument as Document;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const config = await configWithVideo();
    config.cookie = { name: 'consentry-csp' };
    const { createConsentry, loadChunk } = win.consentryCsp!;
    const api = await createConsentry(config, { load: loadChunk, gpc: false });

    const banner = await waitFor(() => doc.querySelector('consentry-banner')?.shadowRoot?.querySelector('section'), CHUNK_MS);
    // The adopted stylesheet applied: fixed overlay, themed background.
    expect(win.getComputedStyle(doc.querySelector('consentry-banner')!).position).to.equal('fixed');
    expect(win.getComputedStyle(banner).backgroundColor).to.equal('rgb(255, 255, 255)');

    const placeholder = await waitFor(() => doc.querySelector('consentry-placeholder')?.shadowRoot?.querySelector('button'));
    expect(win.getComputedStyle(placeholder).minHeight).to.equal('44px');

    (banner.querySelector('button[part="manage"]') as HTMLButtonElement).click();
    const dialog = await waitFor(() => doc.querySelector('consentry-preferences')?.shadowRoot?.querySelector('dialog[open]'), CHUNK_MS);
    (dialog.querySelector('#switch-marketing') as HTMLInputElement).click();
    (dialog.querySelector('button[part="save"]') as HTMLButtonElement).click();
    await waitFor(() => !dialog.hasAttribute('open'), CHUNK_MS);
    expect(api.getState().granted).to.deep.equal(['necessary', 'marketing']);
    await waitFor(() => doc.querySelector('iframe[data-consent]')?.getAttribute('src'));
    expect(doc.querySelector('consentry-placeholder')).to.be.null;

    expect(violations).to.deep.equal([]);
    api.destroy();
  });

  it('needs no lit for the first layer: the banner works where Trusted Types allow only the `consentry` policy', async () => {
    // lit-html creates its own `lit-html` policy when it loads; the first visit's banner carries none.
    const frame = await strictPage('<p>Page</p>', CSP.replace('trusted-types lit-html consentry', 'trusted-types consentry'));
    const doc = frame.contentDocument as Document;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const config = await configWithVideo();
    config.cookie = { name: 'consentry-csp-nolit' };
    const { createConsentry, loadChunk } = frame.contentWindow!.consentryCsp!;
    const api = await createConsentry(config, { load: loadChunk, gpc: false });
    const reject = await waitFor(() => doc.querySelector('consentry-banner')?.shadowRoot?.querySelector('button[part="reject-all"]'), CHUNK_MS);
    (reject as HTMLButtonElement).click();
    await waitFor(() => !doc.querySelector('consentry-banner'), CHUNK_MS);
    expect(api.getState().granted).to.deep.equal(['necessary']);
    expect(violations).to.deep.equal([]);
    api.destroy();
  });
});

describe('the UI chunk on the network', function () {
  this.timeout(4 * CHUNK_MS);
  afterEach(resetUi);

  /** Files of the UI chunk (served from source here) the page requested. */
  const uiRequests = (frame: HTMLIFrameElement) =>
    (frame.contentWindow as Window).performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((path) => path == '/src/ui.ts' || path.startsWith('/src/elements/consentry-banner/'));

  it('is downloaded on a first visit and not for a returning visitor with a stored choice', async () => {
    const config = await configWithVideo();
    config.cookie = { name: 'consentry-return' };

    const first = await strictPage('<p>Page</p>');
    const firstApi = await first.contentWindow!.consentryCsp!.createConsentry(config, { load: first.contentWindow!.consentryCsp!.loadChunk, gpc: false });
    const banner = await waitFor(() => first.contentDocument?.querySelector('consentry-banner')?.shadowRoot?.querySelector('button[part="reject-all"]'), CHUNK_MS);
    (banner as HTMLButtonElement).click();
    await waitFor(() => !firstApi.needsChoice(), CHUNK_MS);
    expect(uiRequests(first)).to.include('/src/ui.ts');
    firstApi.destroy();

    const again = await strictPage('<p>Page</p>');
    const api = await again.contentWindow!.consentryCsp!.createConsentry(config, { load: again.contentWindow!.consentryCsp!.loadChunk, gpc: false });
    await waitFor(() => again.contentDocument?.querySelector('consentry-reopen'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.needsChoice()).to.be.false;
    expect(again.contentDocument?.querySelector('consentry-banner')).to.be.null;
    expect(uiRequests(again)).to.deep.equal([]);
    api.destroy();
  });
});

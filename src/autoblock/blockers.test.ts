import { expect } from '@open-wc/testing';
import { boot, exampleConfig, nextTask, ran, reset } from '../core/core.harness.js';
import type { ConsentApi, ConsentryConfig } from '../core/types.js';
import { installBlockers, type Blocked } from './blockers.js';
import { allowedBy, consentReader } from './consent-now.js';
import { rulesOf } from './rules.js';

/** The spec's "third-party host": a URL prefix on the test server, declared by the analytics service. */
const TRACKER = location.origin + '/test/fixtures/scripts/';
const SCRIPT = TRACKER + 'record.js';

const configWithHosts = (): ConsentryConfig => {
  const config = exampleConfig();
  const analytics = config.categories.find((c) => c.id === 'analytics')!;
  analytics.services![0].hosts = [TRACKER];
  analytics.services![0].storage = ['ga:*'];
  return config;
};

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + check.toString());
    await nextTask(10);
  }
};

/** How often the browser fetched `url` (Resource Timing). */
const fetched = (url: string) => performance.getEntriesByName(url).length;

describe('auto-blocking by declaration (head script)', () => {
  let blocked: Blocked | undefined;
  let api: ConsentApi | undefined;
  const install = (config = configWithHosts()) =>
    (blocked = installBlockers(config, rulesOf(config), allowedBy(consentReader(config, () => api))));

  afterEach(async () => {
    blocked?.stop();
    blocked = api = undefined;
    performance.clearResourceTimings();
    document.querySelectorAll('[data-blocked-test]').forEach((el) => el.remove());
    await reset();
  });

  it('a script another script adds is neither fetched nor run before consent, and runs once after it', async () => {
    const config = configWithHosts();
    install(config);
    api = await boot(config);
    const s = document.createElement('script');
    s.src = SCRIPT + '?dynamic';
    s.dataset.name = 'dynamic';
    s.dataset.test = '';
    document.head.append(s);
    await nextTask(300);
    expect(ran()).to.deep.equal([]);
    expect(fetched(SCRIPT + '?dynamic')).to.equal(0);
    expect(s.type).to.equal('text/plain');
    expect(s.dataset.consent).to.equal('analytics:ga4');
    expect(blocked!.log).to.deep.equal([`script ${SCRIPT}?dynamic`]);

    await api.acceptAll();
    await until(() => ran().length > 0);
    await nextTask(200);
    expect(ran()).to.deep.equal(['dynamic']);
  });

  it('setAttribute("src") is held back the same way, and a script of an allowed category is left alone', async () => {
    const config = configWithHosts();
    install(config);
    api = await boot(config);
    await api.save(['marketing']);
    const s = document.createElement('script');
    s.setAttribute('src', SCRIPT + '?attr');
    document.head.append(s);
    s.dataset.test = '';
    expect(s.getAttribute('type')).to.equal('text/plain');
    const other = document.createElement('script');
    other.src = '/test/fixtures/xss/README.md?not-declared';
    expect(other.hasAttribute('type')).to.equal(false);
  });

  it('an author-marked element belongs to the gate and is left alone', async () => {
    install();
    const s = document.createElement('script');
    s.setAttribute('data-consent', 'analytics');
    s.type = 'text/plain';
    s.src = SCRIPT;
    expect(s.getAttribute('type')).to.equal('text/plain');
    expect(s.hasAttribute('data-type')).to.equal(false);
    expect(blocked!.log).to.deep.equal([]);
  });

  it('refuses fetch, XHR and sendBeacon to a declared host until consent, and again after withdrawal', async () => {
    const config = configWithHosts();
    install(config);
    api = await boot(config);
    const attempt = async () => {
      const f = await fetch(SCRIPT + '?fetch').then(
        () => 'sent',
        (e: Error) => e.name,
      );
      const x = await new Promise<string>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', SCRIPT + '?xhr');
        xhr.onload = () => resolve('sent');
        xhr.onerror = () => resolve('error');
        xhr.send();
      });
      return [f, x, navigator.sendBeacon(SCRIPT + '?beacon', 'x')];
    };
    expect(await attempt()).to.deep.equal(['TypeError', 'error', false]);
    await api.acceptAll();
    expect(await attempt()).to.deep.equal(['sent', 'sent', true]);
    await api.withdraw(['analytics']);
    expect(await attempt()).to.deep.equal(['TypeError', 'error', false]);
    expect(blocked!.log.filter((l) => l.startsWith('fetch'))).to.have.length(2);
  });

  it('keeps a pixel aside until consent, then gives it its src', async () => {
    const config = configWithHosts();
    install(config);
    api = await boot(config);
    const pixel = new Image();
    pixel.src = SCRIPT + '?pixel';
    expect(pixel.hasAttribute('src')).to.equal(false);
    await nextTask(200);
    expect(fetched(SCRIPT + '?pixel')).to.equal(0);
    await api.acceptAll();
    blocked!.release();
    expect(pixel.getAttribute('src')).to.equal(SCRIPT + '?pixel');
  });

  it('turns an iframe to a declared host into a gated embed', async () => {
    install();
    const frame = document.createElement('iframe');
    frame.src = SCRIPT + '?frame';
    expect(frame.hasAttribute('src')).to.equal(false);
    expect(frame.dataset.src).to.equal(SCRIPT + '?frame');
    expect(frame.dataset.consent).to.equal('analytics:ga4');
  });

  it('does not let a declared cookie or storage key of a category not allowed be written, before consent or after withdrawal', async () => {
    const config = configWithHosts();
    install(config);
    api = await boot(config);
    document.cookie = '_ga=GA1.1.1;path=/';
    document.cookie = '_ga_ABC=1;path=/';
    document.cookie = 'unrelated=1;path=/';
    localStorage.setItem('ga:id', '1');
    expect(document.cookie).not.to.contain('_ga');
    expect(document.cookie).to.contain('unrelated=1');
    expect(localStorage.getItem('ga:id')).to.equal(null);

    await api.acceptAll();
    document.cookie = '_ga=GA1.1.2;path=/';
    localStorage.setItem('ga:id', '2');
    expect(document.cookie).to.contain('_ga=GA1.1.2');
    expect(localStorage.getItem('ga:id')).to.equal('2');

    await api.withdraw(['analytics']);
    document.cookie = '_ga=GA1.1.3;path=/';
    localStorage.setItem('ga:id', '3');
    expect(document.cookie).not.to.contain('_ga');
    expect(localStorage.getItem('ga:id')).to.equal(null);
    document.cookie = 'unrelated=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';
  });

  it('refuses them as soon as this tab’s core heard of a withdrawal, while the cookie still shows the older choice', async () => {
    // Another tab's withdrawal reaches this tab's core on its channel and the
    // cookie by another way, in either order: here the cookie is put back to
    // the older record, the way a process's stale copy of the cookies shows it.
    const config = configWithHosts();
    install(config);
    api = await boot(config);
    await api.acceptAll();
    const accepted = document.cookie.match(/(?:^|; )consentry=([^;]*)/)![1];
    await api.withdraw(['analytics']);
    document.cookie = `consentry=${accepted};path=/`;
    expect(api.getState().granted).not.to.include('analytics');
    document.cookie = '_ga=GA1.1.4;path=/';
    localStorage.setItem('ga:id', '4');
    expect(document.cookie).not.to.contain('_ga');
    expect(localStorage.getItem('ga:id')).to.equal(null);
  });

  it('never holds back the services of the strictly-necessary category', () => {
    const config = configWithHosts();
    config.categories[0].services![0].hosts = ['necessary.example'];
    expect(rulesOf(config).map((r) => r.service)).to.deep.equal(['ga4']);
  });

  it('stop() puts every patched API back', () => {
    const fetchBefore = window.fetch;
    install();
    expect(window.fetch).not.to.equal(fetchBefore);
    blocked!.stop();
    blocked = undefined;
    expect(window.fetch).to.equal(fetchBefore);
    const s = document.createElement('script');
    s.src = SCRIPT;
    expect(s.hasAttribute('type')).to.equal(false);
  });
});

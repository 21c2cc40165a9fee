import { expect } from '@open-wc/testing';
import { hashConfig } from './hash.js';
import { boot, exampleConfig, nextTask, reset } from './core.harness.js';
import { QUEUE_CAP, QUEUE_KEY, createReceiptQueue } from './receipt-queue.js';
import { browserEnv } from './env.js';
import type { ConsentApi, Receipt } from './types.js';

/** Each spec gets its own bucket on the test endpoint (see web-test-runner.config.mjs). */
let n = 0;
const endpoint = () => `${location.origin}/test-receipts/b${Date.now()}-${n++}`;
const setMode = (url: string, mode: string) => fetch(`${url}?mode=${mode}`, { method: 'PUT' });
const arrived = async (url: string) =>
  (await (await fetch(url)).json()) as { attempts: number; ids: string[]; receipts: Receipt[] };

const until = async (check: () => Promise<boolean> | boolean, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await nextTask(25);
  }
};

const bootWith = (url: string, retryMs = 50): Promise<ConsentApi> => {
  const config = exampleConfig();
  config.receipts = { endpoint: url, retryMs };
  return boot(config);
};

describe('consent receipts: building and delivery', () => {
  afterEach(reset);

  it('a decision posts one receipt with the contract fields and nothing identifying', async () => {
    const url = endpoint();
    const api = await bootWith(url);
    await api.save(['analytics'], 'preferences');
    await until(async () => (await arrived(url)).ids.length === 1);
    const [r] = (await arrived(url)).receipts;
    expect(Object.keys(r).sort()).to.deep.equal(
      ['action', 'bases', 'configHash', 'denied', 'expires', 'granted', 'id', 'jurisdiction', 'language', 'method', 'policyVersion', 'revision', 'schema', 'signals', 'site', 'subject', 'timestamp'].sort(),
    );
    expect(r).to.deep.include({
      schema: 'consentry-receipt/1',
      subject: api.getState().subject,
      site: location.origin,
      jurisdiction: 'GB',
      language: 'en',
      policyVersion: '2026-05-01',
      revision: 1,
      action: 'custom',
      method: 'preferences',
    });
    expect(r.granted).to.deep.equal(['necessary', 'analytics']);
    expect(r.denied).to.deep.equal(['functional', 'marketing']);
    expect(r.bases).to.deep.equal({ necessary: 'strictly-necessary', functional: 'consent', analytics: 'consent', marketing: 'consent' });
    expect(r.signals).to.deep.equal({ gpc: false });
    expect(r.configHash).to.match(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(Date.parse(r.expires) - Date.parse(r.timestamp)).to.equal(182 * 864e5);
    expect(JSON.stringify(r)).not.to.contain(navigator.userAgent);
    expect(JSON.stringify(r)).not.to.contain(location.pathname.slice(1) || '§');
  });

  it('applies the choice at once, whatever the network does', async () => {
    const url = endpoint();
    await setMode(url, 'slow');
    const api = await bootWith(url);
    await api.acceptAll();
    expect(api.get('marketing')).to.equal(true);
    expect(JSON.parse(localStorage.getItem(QUEUE_KEY)!).q).to.have.length(1);
  });

  for (const mode of ['down', '500', '503']) {
    it(`endpoint ${mode}: the receipt waits, is retried, and arrives exactly once later`, async () => {
      const url = endpoint();
      await setMode(url, mode);
      const api = await bootWith(url);
      await api.rejectAll();
      await until(async () => (await arrived(url)).attempts >= 2);
      expect((await arrived(url)).ids).to.deep.equal([]);
      expect(JSON.parse(localStorage.getItem(QUEUE_KEY)!).q).to.have.length(1);
      await setMode(url, 'ok');
      await until(async () => (await arrived(url)).ids.length === 1, 10000);
      await until(() => localStorage.getItem(QUEUE_KEY) === null);
      expect((await arrived(url)).ids).to.have.length(1);
    });
  }

  it('retries with growing, jittered delays', async () => {
    const url = endpoint();
    await setMode(url, '503');
    await (await bootWith(url, 40)).rejectAll();
    await until(() => (JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '{"q":[]}') as { q: { n: number }[] }).q[0].n >= 3, 10000);
    const { q } = JSON.parse(localStorage.getItem(QUEUE_KEY)!) as { q: { n: number; t: number }[] };
    const wait = q[0].t - Date.now();
    // attempt n waits retryMs * 2^n * [0.5, 1): after three failures at least 40*8*0.5 ms
    expect(wait).to.be.greaterThan(40 * 2 ** q[0].n * 0.5 - 200);
  });

  it('slow endpoint and a new page load (a second queue reading the same storage): stored once', async () => {
    const url = endpoint();
    await setMode(url, 'slow');
    const api = await bootWith(url);
    await api.acceptAll();
    // The "next page" starts its own queue while the first request is still in flight.
    const nextPage = createReceiptQueue(url, browserEnv({ storage: localStorage }), 50);
    nextPage.flush();
    await until(async () => (await arrived(url)).ids.length === 1, 10000);
    await until(() => localStorage.getItem(QUEUE_KEY) === null, 10000);
    const got = await arrived(url);
    expect(got.ids).to.have.length(1);
    expect(got.attempts).to.equal(2);
    nextPage.stop();
  });

  it('offline: nothing is sent until the browser is back online', async () => {
    const url = endpoint();
    const api = await bootWith(url);
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await api.rejectAll();
      await nextTask(300);
      expect((await arrived(url)).attempts).to.equal(0);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', online);
    }
    dispatchEvent(new Event('online'));
    await until(async () => (await arrived(url)).ids.length === 1);
  });

  it('a 400 is not retried forever: logged, dropped and counted', async () => {
    const url = endpoint();
    await setMode(url, '400');
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(String(m));
    try {
      await (await bootWith(url)).rejectAll();
      await until(() => JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '{"q":[1]}').q.length === 0);
    } finally {
      console.error = original;
    }
    await nextTask(300);
    expect((await arrived(url)).attempts).to.equal(1);
    expect(JSON.parse(localStorage.getItem(QUEUE_KEY)!).dropped).to.equal(1);
    expect(errors.join()).to.match(/refused .*\(400\); dropped/);
  });

  it('on pagehide, what is left goes out with sendBeacon and stays queued until a 2xx', async () => {
    const url = endpoint();
    await setMode(url, 'down');
    const beacons: string[] = [];
    const config = exampleConfig();
    config.receipts = { endpoint: url, retryMs: 60_000 };
    const api = await boot(config, { sendBeacon: (u, data) => (beacons.push(u), data instanceof Blob) });
    await api.rejectAll();
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(beacons).to.deep.equal([url]);
    expect(JSON.parse(localStorage.getItem(QUEUE_KEY)!).q).to.have.length(1);
  });

  it('a full queue keeps the newest and says so', async () => {
    const url = endpoint();
    await setMode(url, 'down');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(String(m));
    const queue = createReceiptQueue(url, browserEnv({ storage: localStorage, fetch: () => new Promise(() => {}) }), 60_000);
    try {
      for (let i = 0; i < QUEUE_CAP + 5; i++) queue.add({ id: `r${i}` } as Receipt);
    } finally {
      console.warn = original;
      queue.stop();
    }
    const ids = queue.pending().map((r) => r.id);
    expect(ids).to.have.length(QUEUE_CAP);
    expect(ids[0]).to.equal('r5');
    expect(ids.at(-1)).to.equal(`r${QUEUE_CAP + 4}`);
    expect(warnings[0]).to.contain('queue full');
  });

  it('records the GPC signal in the receipt', async () => {
    const url = endpoint();
    const config = exampleConfig();
    config.receipts = { endpoint: url, retryMs: 50 };
    await (await boot(config, { gpc: true })).acceptAll('banner');
    await until(async () => (await arrived(url)).ids.length === 1);
    const [r] = (await arrived(url)).receipts;
    expect(r.signals).to.deep.equal({ gpc: true });
    expect(r.denied).to.deep.equal(['marketing']);
  });

  it('records the language the visitor read: a page in a language without strings is English', async () => {
    const url = endpoint();
    const config = exampleConfig();
    delete config.language;
    config.receipts = { endpoint: url, retryMs: 50 };
    document.documentElement.lang = 'ja';
    try {
      const api = await boot(config);
      expect(api.getState().language).to.equal('en');
      await api.rejectAll('banner');
      await until(async () => (await arrived(url)).ids.length === 1);
      expect((await arrived(url)).receipts[0].language).to.equal('en');
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('carries a sha256 configHash where WebCrypto is missing (plain http), the same digest as with it', async () => {
    const config = exampleConfig();
    const withWebCrypto = await hashConfig(config);
    Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true });
    try {
      expect(globalThis.crypto.subtle).to.equal(undefined);
      expect(await hashConfig(config)).to.equal(withWebCrypto);
    } finally {
      delete (crypto as { subtle?: unknown }).subtle;
    }
    expect(withWebCrypto).to.match(/^sha256-[A-Za-z0-9+/]{43}=$/);
  });
});

import { expect } from '@open-wc/testing';
import { boot, exampleConfig, reset } from './core.harness.js';

type Entry = IArguments | unknown[];
const layer = (): Entry[] => (window as unknown as { dataLayer: Entry[] }).dataLayer;
const commands = () => layer().map((e) => Array.from(e as ArrayLike<unknown>));

describe('Google Consent Mode v2', () => {
  afterEach(reset);

  it('pushes the default first, everything denied but security_storage', async () => {
    await boot();
    const [first] = commands();
    expect(first.slice(0, 2)).to.deep.equal(['consent', 'default']);
    expect(first[2]).to.deep.include({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
  });

  it('pushes arguments objects, never arrays (gtag.js ignores arrays)', async () => {
    await (await boot()).acceptAll();
    expect(layer().length).to.be.greaterThan(1);
    for (const e of layer()) expect(Object.prototype.toString.call(e)).to.equal('[object Arguments]');
  });

  it('pushes the default synchronously, before createConsentry yields', async () => {
    const pending = boot();
    expect(commands()[0].slice(0, 2)).to.deep.equal(['consent', 'default']);
    await pending;
  });

  it('sends one update per decision, mapping categories to types', async () => {
    const api = await boot();
    await api.save(['analytics']);
    const updates = commands().filter((c) => c[1] === 'update');
    expect(updates).to.have.length(1);
    expect(updates[0][2]).to.deep.include({ analytics_storage: 'granted', ad_storage: 'denied', functionality_storage: 'denied' });
    await api.acceptAll();
    expect(commands().filter((c) => c[1] === 'update')[1][2]).to.deep.include({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
    });
  });

  it('re-issues the stored choice as an update on the next page, right after the default', async () => {
    await (await boot()).acceptAll();
    delete (window as unknown as { dataLayer?: unknown }).dataLayer;
    delete (window as unknown as { gtag?: unknown }).gtag;
    await boot();
    const c = commands();
    expect(c[0].slice(0, 2)).to.deep.equal(['consent', 'default']);
    expect(c[1].slice(0, 2)).to.deep.equal(['consent', 'update']);
    expect(c[1][2]).to.deep.include({ analytics_storage: 'granted' });
  });

  it('leaves url_passthrough and ads_data_redaction off unless configured', async () => {
    await boot();
    expect(commands().some((c) => c[0] === 'set')).to.equal(false);
    await reset();
    const config = exampleConfig();
    config.consentMode = { enabled: true, urlPassthrough: true, adsDataRedaction: true };
    await boot(config);
    expect(commands().filter((c) => c[0] === 'set')).to.deep.equal([
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]);
  });

  it('uses the category mapping from the config', async () => {
    const config = exampleConfig();
    config.categories[1].consentMode = ['personalization_storage'];
    await (await boot(config)).save(['functional']);
    const update = commands().find((c) => c[1] === 'update')![2];
    expect(update).to.deep.include({ personalization_storage: 'granted', functionality_storage: 'denied' });
  });

  it('does nothing when disabled', async () => {
    const config = exampleConfig();
    config.consentMode = { enabled: false };
    await (await boot(config)).acceptAll();
    expect((window as unknown as { dataLayer?: unknown }).dataLayer).to.equal(undefined);
  });
});

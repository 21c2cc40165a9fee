import { expect } from '@open-wc/testing';
import { CHUNKS } from '../chunks.js';
import { LANGUAGES } from '../core/language.js';
import type { ConsentApi, ConsentryConfig, ConsentState } from '../core/types.js';
import { enCore } from './en-core.js';
import { bannerTable, en } from './en.js';
import { DETAIL_FILES, detailsTable, enDetails } from './en-details.js';
import { POLICY_FILES } from './policy/index.js';
import { defineTable, LANGUAGE_FILES, loadTables, localeFor } from './index.js';

/** Just what `localeFor` reads: the config and the core's resolved language. */
const apiIn = (language: string, config: Partial<ConsentryConfig> = {}) =>
  ({
    config: { revision: 1, categories: [], ...config },
    getState: () => ({ language }) as ConsentState,
  }) as unknown as ConsentApi;

describe('one i18n', () => {
  it('lists every built-in language in the core, the UI’s language files and the chunk map alike', () => {
    const files = Object.keys(LANGUAGE_FILES);
    expect(['en', ...files].sort()).to.deep.equal([...LANGUAGES].sort());
    expect(Object.keys(CHUNKS).filter((c) => c.startsWith('i18n/')).sort()).to.deep.equal(files.map((l) => 'i18n/' + l).sort());
    expect(Object.keys(DETAIL_FILES).sort()).to.deep.equal(files.sort());
    expect(Object.keys(POLICY_FILES).sort()).to.deep.equal(files.sort());
  });

  it('has every key of every English table in every language file, the floating button’s included', async () => {
    const keys = Object.keys({ ...enCore, ...en }).sort();
    for (const [lang, load] of Object.entries(LANGUAGE_FILES))
      expect(Object.keys((await load()).default).sort(), lang).to.deep.equal(keys);
    for (const [lang, load] of Object.entries(DETAIL_FILES))
      expect(Object.keys((await load()).default).sort(), lang).to.deep.equal(Object.keys(enDetails).sort());
  });

  it('renders in the core’s language once its file is loaded, with texts overrides for that language on top', async () => {
    const api = apiIn('fr', { texts: { fr: { acceptAll: 'Oui' }, en: { rejectAll: 'never used' } } });
    await loadTables('fr', bannerTable);
    const { t, lang } = localeFor(api, bannerTable);
    expect(lang).to.equal('fr');
    expect(t('acceptAll')).to.equal('Oui');
    expect(t('rejectAll')).to.equal('Tout refuser');
  });

  it('needs no wait in English, and applies texts.en to a visitor the core resolved from en-GB', () => {
    expect(loadTables('en', bannerTable, detailsTable)).to.equal(undefined);
    const { t } = localeFor(apiIn('en', { texts: { en: { save: 'Keep' } } }), bannerTable, detailsTable);
    expect(t('save')).to.equal('Keep');
    expect(t('manage')).to.equal('Manage preferences');
  });

  it('lets another chunk add a typed table of its own, resolved with the same language and overrides', async () => {
    const policy = defineTable({ policyContents: 'Contents', policyVersion: 'Version' }, {
      cy: async () => ({ default: { policyContents: 'Cynnwys' } }),
    });
    await loadTables('cy', policy);
    const { t } = localeFor(apiIn('cy', { texts: { cy: { policyVersion: 'Fersiwn' } } }), policy);
    expect(t('policyContents')).to.equal('Cynnwys');
    expect(t('policyVersion')).to.equal('Fersiwn');
  });
});

import { expect } from '@open-wc/testing';
import { LANGUAGES, resolveLanguage } from './language.js';

describe('the visitor’s language, resolved once', () => {
  it('takes the first candidate in order: config language, then <html lang>, then the browser', () => {
    expect(resolveLanguage(['cy', 'fr', 'de'])).to.equal('cy');
    expect(resolveLanguage([undefined, 'fr', 'de'])).to.equal('fr');
    expect(resolveLanguage([undefined, '', 'de-AT', 'fr'])).to.equal('de');
  });

  it('normalises a regional tag to the table of its language (en-GB → en), case-insensitively', () => {
    expect(resolveLanguage(['en-GB'])).to.equal('en');
    expect(resolveLanguage(['FR-ca'])).to.equal('fr');
  });

  it('skips a language nobody wrote strings for, and falls back to English when none fits', () => {
    expect(resolveLanguage(['ja', 'es'])).to.equal('es');
    expect(resolveLanguage(['ja', 'ko-KR'])).to.equal('en');
    expect(resolveLanguage([])).to.equal('en');
  });

  it('accepts a language the config’s texts provide, whole tag before primary subtag', () => {
    expect(resolveLanguage(['ja'], ['ja'])).to.equal('ja');
    expect(resolveLanguage(['pt-BR'], ['pt-br', 'pt'])).to.equal('pt-br');
    expect(resolveLanguage(['pt-PT'], ['pt-br', 'pt'])).to.equal('pt');
  });

  it('knows English first, the language whose strings are always complete', () => {
    expect(LANGUAGES[0]).to.equal('en');
  });
});

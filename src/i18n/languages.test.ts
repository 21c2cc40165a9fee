import { expect } from '@open-wc/testing';
import { policyStrings } from '../elements/consentry-policy/policy-strings.js';
import { LANGUAGES, resolveLanguage } from '../core/language.js';
import { enCore } from './en-core.js';
import { en } from './en.js';
import { DETAIL_FILES, enDetails } from './en-details.js';
import { LANGUAGE_FILES } from './index.js';
import { POLICY_FILES } from './policy/index.js';

type Files = Readonly<Record<string, (() => Promise<{ default: Record<string, string> }>) | undefined>>;

/** Each element group's English table, which every language's file of that group must match key for key. */
const GROUPS: Record<string, { english: Record<string, string>; files: Files }> = {
  'floating button and banner': { english: { ...enCore, ...en }, files: LANGUAGE_FILES },
  'preference centre and placeholders': { english: enDetails, files: DETAIL_FILES },
  'policy viewer': { english: policyStrings, files: POLICY_FILES },
};

const BUILT_IN = LANGUAGES.filter((l) => l != 'en');

/** The 24 official EU languages (English is built into the elements) and the nine more issue 12 asks for. */
const EU = 'bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ');
const MORE = 'cy gd nb is tr uk ar he'.split(' ');

/**
 * Strings that are rightly the same as in English, with the reason. Anything
 * else equal to the English string is an untranslated leftover.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  // "Cookie" is the word these languages' regulators use (CNIL, BfDI, AEPD, Garante, CNPD, AP, Datatilsynet, ÚOOÚ, ANSPDCP, HDPA, IDPC).
  cookie: ['fr', 'de', 'es', 'it', 'pt', 'nl', 'da', 'cs', 'ro', 'el', 'mt'],
  policyCookieName: ['fr', 'de', 'es', 'it', 'pt', 'nl', 'da', 'cs', 'ro', 'el', 'mt'],
  // Spelt the same in French, German, Swedish and Danish.
  policyVersion: ['fr', 'de', 'sv', 'da'],
  policyService: ['fr'],
};

/**
 * English words that have no business in another language's sentence, once
 * the signal's name and "JSON" are removed. ("Privacy" is not among them: it
 * is the Italian and Dutch regulators' own word.)
 */
const ENGLISH_WORDS = /\b(the|you|your|and|this|unless|allow|choices?|settings|preferences|policy|cookies? (?:policy|settings))\b/i;
const stripNames = (s: string) => s.replace(/Global[- ]Privacy[- ]Control/g, '').replace(/\(JSON\)/g, '');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** One language's file of one group, loaded the way the elements load it. */
const table = async (lang: string, group: string): Promise<Record<string, string>> => {
  const load = GROUPS[group].files[lang];
  if (!load) throw new Error(`no ${group} file for ${lang}`);
  return (await load()).default;
};

describe('built-in languages', () => {
  it('cover the 24 official EU languages, Welsh, Scottish Gaelic, Norwegian, Icelandic, Turkish, Ukrainian, Arabic and Hebrew', () => {
    // `no` (Norwegian) reads the Bokmål files.
    expect(BUILT_IN.filter((l) => l != 'no').sort()).to.deep.equal([...EU, ...MORE].sort());
    expect(LANGUAGES.length).to.be.at.least(32);
  });

  for (const lang of BUILT_IN) {
    describe(lang, () => {
      for (const group of Object.keys(GROUPS)) {
        const english = GROUPS[group].english;
        it(`${group}: has every English key and no other, each a non-empty string with the same {placeholders}`, async () => {
          const strings = await table(lang, group);
          expect(Object.keys(strings).sort()).to.deep.equal(Object.keys(english).sort());
          for (const [key, source] of Object.entries(english)) {
            expect(strings[key], key).to.be.a('string').and.not.equal('');
            expect(placeholders(strings[key]), key).to.deep.equal(placeholders(source));
          }
        });

        it(`${group}: leaves no English behind`, async () => {
          const strings = await table(lang, group);
          for (const [key, source] of Object.entries(english)) {
            if (!SAME_AS_ENGLISH[key]?.includes(lang)) expect(strings[key], `${key} is the English string`).to.not.equal(source);
            expect(stripNames(strings[key]), `${key} has English words`).to.not.match(ENGLISH_WORDS);
          }
        });

        it(`${group}: uses typographic quotes, apostrophes and ellipses, with no stray spaces`, async () => {
          for (const [key, s] of Object.entries(await table(lang, group))) {
            expect(s, key).to.not.match(/['"`]/);
            expect(s, key).to.not.match(/\.\.\./);
            expect(s, key).to.not.match(/^\s|\s$| {2}/);
            if (lang == 'fr') {
              // A no-break space before : ; ! ? and inside « », as French typesetting wants.
              expect(s, key).to.not.match(/[^\u00a0\u202f][:;!?»]/);
              expect(s, key).to.not.match(/«[^\u00a0\u202f]/);
            }
          }
        });
      }
    });
  }
});

describe('the visitor’s language among the built-in ones', () => {
  it('reads a regional tag as its language, Bokmål and Norwegian alike, and skips one without strings', () => {
    expect(resolveLanguage([undefined, '', 'pt-BR', 'en'])).to.equal('pt');
    expect(resolveLanguage(['nb-NO'])).to.equal('nb');
    expect(resolveLanguage(['no'])).to.equal('no');
    expect(resolveLanguage(['ja-JP', 'uk-UA', 'ru'])).to.equal('uk');
    expect(resolveLanguage(['eu', 'es'], ['eu'])).to.equal('eu');
  });
});

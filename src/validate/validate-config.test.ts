import { expect } from '@open-wc/testing';
import type { ConfigIssue, ConsentryConfig } from '../core/types.js';
import { validateConfig } from './index.js';

interface Case {
  file: string;
  rule: string;
  kind: 'structural' | 'rule';
  issues: ConfigIssue[];
}

// Shared with test/unit/schema-agreement.test.mjs, which checks schema.json against the same files.
const fixtures = '/test/fixtures/configs/';
const load = async (file: string): Promise<unknown> => (await fetch(fixtures + file)).json();
const cases = (await load('cases.json')) as Case[];
const configs = new Map(await Promise.all(cases.map(async (c) => [c.file, await load(c.file)] as const)));

const example = () => structuredClone(configs.get('product-example.json')) as ConsentryConfig;

describe('validateConfig', () => {
  it('accepts the PRODUCT.md example as it stands', () => {
    expect(validateConfig(example())).to.deep.equal([]);
  });

  describe('fixtures (test/fixtures/configs/cases.json)', () => {
    for (const c of cases)
      it(`${c.file}: ${c.rule}`, () => {
        expect(validateConfig(configs.get(c.file))).to.deep.equal(c.issues);
      });
  });

  describe('legal rules on the PRODUCT.md example', () => {
    it('refuses _ga moved under strictly-necessary, naming the field', () => {
      const config = example();
      config.categories[0].services![0].cookies!.push({ ...config.categories[2].services![0].cookies![0], justification: 'x' });
      expect(validateConfig(config)).to.deep.equal([
        { path: 'categories[0].services[0].cookies[2].name', message: 'a tracking cookie cannot be strictly necessary' },
      ]);
    });

    it('refuses a 2-year cookie and accepts 13 months', () => {
      const config = example();
      const cookies = config.categories[2].services![0].cookies!;
      cookies[1].duration = '2 years';
      expect(validateConfig(config)).to.deep.equal([
        {
          path: 'categories[2].services[0].cookies[1].duration',
          message: 'must be at most 400 days (browsers cap cookies at 400 days)',
        },
      ]);
      expect(cookies[0].duration).to.equal('13 months');
    });

    it('refuses objection for marketing even in GB, and for analytics outside GB', () => {
      const config = example();
      config.categories[3].basis = 'objection';
      config.categories[2].basis = 'objection';
      config.jurisdiction = 'FR';
      expect(validateConfig(config)).to.deep.equal([
        { path: 'categories[2].basis', message: 'objection is allowed only with jurisdiction GB or auto' },
        { path: 'categories[3].basis', message: 'must be consent: advertising always needs consent' },
      ]);
      config.jurisdiction = 'GB';
      expect(validateConfig(config)).to.deep.equal([
        { path: 'categories[3].basis', message: 'must be consent: advertising always needs consent' },
      ]);
    });

    it('refuses a theme that styles accept apart from reject, and low contrast', () => {
      const config = example();
      config.theme = { acceptBackground: '#0b57d0', rejectBackground: '#0b57d0', text: '#999', background: '#fff' };
      expect(validateConfig(config)).to.deep.equal([
        { path: 'theme.text', message: 'text on background has contrast 2.84:1, below 4.5:1' },
      ]);
      config.theme = { rejectBackground: '#eee', text: '#000', background: '#fff' };
      expect(validateConfig(config)).to.deep.equal([
        {
          path: 'theme.rejectBackground',
          message: 'accept and reject must have equal emphasis: set the same value for acceptBackground',
        },
      ]);
    });

    it('reads #rgb, #rrggbb and rgb() alike', () => {
      const config = example();
      for (const text of ['#888', '#888888', 'rgb(136, 136, 136)', 'rgb(136 136 136)']) {
        config.theme = { text, background: '#ffffff' };
        expect(validateConfig(config), text).to.deep.equal([
          { path: 'theme.text', message: 'text on background has contrast 3.54:1, below 4.5:1' },
        ]);
      }
    });
  });

  describe('bad input never throws', () => {
    const garbage: [string, unknown][] = [
      ['null', null],
      ['undefined', undefined],
      ['a string', 'x'],
      ['a number', 42],
      ['an array', [1, 2]],
      ['a function', () => 1],
    ];
    for (const [name, value] of garbage)
      it(`reports ${name} as not an object`, () => {
        expect(validateConfig(value)).to.deep.equal([{ path: '', message: 'must be an object' }]);
      });

    it('walks deep garbage and names each bad field', () => {
      const issues = validateConfig({
        revision: {},
        categories: [
          null,
          'x',
          [],
          { id: 7, title: [], description: null, services: 'x', consentMode: 'ad_storage' },
          { id: 'a', title: 't', description: 'd', basis: 'strictly-necessary', services: [null, { id: 's', name: 'n', cookies: [7, { name: {}, duration: 12 }] }] },
        ],
        theme: [],
        texts: null,
        policy: { url: 42, history: {} },
      });
      expect(issues).to.deep.include({ path: 'revision', message: 'must be an integer ≥ 0' });
      expect(issues).to.deep.include({ path: 'categories[0]', message: 'must be an object' });
      expect(issues).to.deep.include({ path: 'categories[2]', message: 'must be an object' });
      expect(issues).to.deep.include({ path: 'categories[3].id', message: 'must match ^[a-z][a-z0-9-]*$' });
      expect(issues).to.deep.include({ path: 'categories[3].description', message: 'must be a string or a map of language to string' });
      expect(issues).to.deep.include({ path: 'categories[3].consentMode', message: 'must be a list' });
      expect(issues).to.deep.include({ path: 'categories[4].services[1].cookies[0]', message: 'must be an object' });
      expect(issues).to.deep.include({ path: 'categories[4].services[1].cookies[1].duration', message: 'must be session or N minutes, hours, days, weeks, months or years' });
      expect(issues).to.deep.include({ path: 'categories[4].services[1].cookies[1].justification', message: 'required for strictly-necessary cookies' });
      expect(issues).to.deep.include({ path: 'theme', message: 'must be an object' });
      expect(issues).to.deep.include({ path: 'texts', message: 'must be an object' });
      expect(issues).to.deep.include({ path: 'policy.version', message: 'required' });
      expect(issues).to.deep.include({ path: 'policy.history', message: 'must be a list' });
    });

    it('survives cycles, symbols, prototype-less objects and throwing getters', () => {
      const cyclic: Record<string, unknown> = { revision: 1 };
      cyclic.categories = [cyclic];
      expect(validateConfig(cyclic)).to.deep.include({ path: 'categories[0].revision', message: 'unknown key' });

      const bare = Object.assign(Object.create(null) as object, { revision: 1, constructor: 1 });
      expect(validateConfig(bare)).to.deep.equal([
        { path: 'constructor', message: 'unknown key' },
        { path: 'categories', message: 'required' },
      ]);

      const symbolic = { revision: 1, categories: [{ id: 'a', title: 't', description: 'd', consentMode: [Symbol('x')] }] };
      expect(() => validateConfig(symbolic)).not.to.throw();
      expect(validateConfig(symbolic).length).to.be.greaterThan(0);

      const hostile = {
        revision: 1,
        get categories(): never {
          throw new Error('boom');
        },
      };
      expect(validateConfig(hostile)).to.deep.equal([{ path: '', message: 'must be plain JSON data' }]);
    });
  });
});

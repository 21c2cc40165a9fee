import { expect } from '@open-wc/testing';
import { decodeRecord, encodeRecord, type ConsentRecord } from './consent-cookie.js';

const record: ConsentRecord = {
  subject: '0f8fad5b-d9cb-469f-a165-70867728950e',
  revision: 3,
  at: Date.UTC(2026, 4, 1, 9, 14, 3),
  granted: ['functional', 'analytics'],
  services: ['marketing:video'],
  gpc: true,
  policyVersion: '2026-05-01',
  configHash: '1gq6h1p',
};

describe('the consent cookie', () => {
  it('round-trips a record', () => {
    expect(decodeRecord(encodeRecord(record))).to.deep.equal(record);
  });

  it('is compact: well under 200 bytes with all four categories and a service', () => {
    const big = { ...record, granted: ['functional', 'analytics', 'marketing'] };
    // js-cookie writes `|`, `+`, `/` and `:` as they are.
    expect(('consentry=' + encodeRecord(big)).length).to.be.below(150);
  });

  it('counts a truncated value as no choice', () => {
    const value = encodeRecord(record);
    for (let cut = 1; cut < value.length; cut += 7) expect(decodeRecord(value.slice(0, cut))).to.equal(null);
  });

  it('counts a corrupted value as no choice', () => {
    const value = encodeRecord(record);
    expect(decodeRecord(value.replace('analytics', 'analytica'))).to.equal(null);
    expect(decodeRecord(value.replace('|3|', '|4|'))).to.equal(null);
  });

  it('counts an unknown version as no choice', () => {
    const body = encodeRecord(record).split('|').slice(0, 9);
    body[0] = '2';
    expect(decodeRecord(body.join('|') + '|whatever')).to.equal(null);
  });

  it('counts garbage, empty and missing values as no choice', () => {
    for (const v of [undefined, '', 'yes', 'true', '{"analytics":true}', '1|||||||||', 'a'.repeat(5000)])
      expect(decodeRecord(v), String(v)).to.equal(null);
  });

  it('rejects a hand-made value with a subject that is not a UUID, even with a matching check', async () => {
    const { fnv } = await import('./consent-cookie.js');
    const body = `1|not-a-uuid|1|${(1e9).toString(36)}|analytics||0|x|y`;
    expect(decodeRecord(`${body}|${fnv(body)}`)).to.equal(null);
  });
});

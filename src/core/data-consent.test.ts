import { expect } from '@open-wc/testing';
import { parseConsent } from './data-consent.js';

describe('data-consent, read in one place', () => {
  it('names a category, or a category and one of its services', () => {
    expect(parseConsent('analytics')).to.deep.equal(['analytics', undefined]);
    expect(parseConsent('marketing:video')).to.deep.equal(['marketing', 'video']);
  });

  it('reads an empty service as the whole category', () => {
    expect(parseConsent('marketing:')).to.deep.equal(['marketing', undefined]);
  });

  it('names nothing (never allowed) when empty, missing or with more than one colon', () => {
    expect(parseConsent('')[0]).to.equal('');
    expect(parseConsent(null)[0]).to.equal('');
    expect(parseConsent('marketing:video:extra')[0]).to.equal('');
  });
});

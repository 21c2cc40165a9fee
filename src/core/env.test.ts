import { expect } from '@open-wc/testing';
import { browserEnv } from './env.js';

/** Replaces `window.localStorage` for one spec, counting the reads; returns the count and an undo. */
const watchStorage = (read: () => Storage) => {
  const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
  const proto = Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
  const original = (own ?? proto)!;
  const reads = { n: 0 };
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get: () => {
      reads.n++;
      return read();
    },
  });
  const undo = () => (own ? Object.defineProperty(window, 'localStorage', original) : delete (window as { localStorage?: Storage }).localStorage);
  return { reads, undo };
};

describe('the browser env', () => {
  it('leaves localStorage unopened until something needs it (the first touch is a synchronous open that would hold up the gate)', () => {
    const real = localStorage;
    const { reads, undo } = watchStorage(() => real);
    try {
      const env = browserEnv();
      expect(reads.n, 'read while the env was made').to.equal(0);
      expect(env.storage).to.equal(real);
      expect(reads.n).to.equal(1);
    } finally {
      undo();
    }
  });

  it('has no storage when the browser blocks it, so receipts wait in memory', () => {
    const { undo } = watchStorage(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      expect(browserEnv().storage).to.equal(null);
    } finally {
      undo();
    }
  });

  it('keeps the storage a spec passes in, without reading the browser’s', () => {
    const given = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
    const { reads, undo } = watchStorage(() => localStorage);
    try {
      expect(browserEnv({ storage: given }).storage).to.equal(given);
      expect(reads.n).to.equal(0);
    } finally {
      undo();
    }
  });
});

import type { AppendResult, ReceiptStore } from './store.js';
import type { Receipt } from '../schemas/receipt.js';

interface PendingAppend {
  receipts: readonly Receipt[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: appends that arrive while a write is in flight (or in the
 * same event-loop turn) go to the store together as one transaction, so one
 * fsync acknowledges many receipts. Each caller still gets its own results,
 * and only after the transaction holding its receipts has committed.
 */
export function withGroupCommit(store: ReceiptStore, maxReceiptsPerCommit = 1000): ReceiptStore {
  const queue: PendingAppend[] = [];
  let scheduled = false;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const group: PendingAppend[] = [];
      let size = 0;
      while (queue.length > 0 && (group.length === 0 || size + queue[0]!.receipts.length <= maxReceiptsPerCommit)) {
        const next = queue.shift()!;
        group.push(next);
        size += next.receipts.length;
      }
      try {
        const results = await store.append(group.flatMap((pending) => pending.receipts));
        let offset = 0;
        for (const pending of group) {
          pending.resolve(results.slice(offset, offset + pending.receipts.length));
          offset += pending.receipts.length;
        }
      } catch (error) {
        for (const pending of group) pending.reject(error);
      }
    }
    scheduled = false;
  }

  return {
    kind: store.kind,
    append(receipts) {
      return new Promise<AppendResult[]>((resolve, reject) => {
        queue.push({ receipts, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // setImmediate runs after this turn's I/O callbacks: requests parsed
          // in the same turn join this commit.
          setImmediate(() => void flush());
        }
      });
    },
    bySubject: (subject) => store.bySubject(subject),
    export: (range) => store.export(range),
    verify: () => store.verify(),
    purge: (before) => store.purge(before),
    close: () => store.close(),
    // The console's reads go straight through.
    figures: (query) => store.figures(query),
    chainHead: () => store.chainHead(),
    keptDayFigures: (query) => store.keptDayFigures(query),
    keepDayFigures: (query, rows) => store.keepDayFigures(query, rows),
    saveVerification: (record) => store.saveVerification(record),
    lastVerification: () => store.lastVerification(),
  };
}

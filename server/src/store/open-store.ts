import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { SqliteWriterKind } from './sqlite-writer.js';
import type { ReceiptStore } from './store.js';

export interface StoreLocation {
  /** PostgreSQL connection string; when set it wins over `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath: string;
  /** SQLite only: where append transactions run (sqlite-writer.ts); the adapter picks by default. */
  sqliteWriter?: SqliteWriterKind | undefined;
  /** A failed background count of the figures (the next read retries it). */
  onFiguresError?: (error: unknown) => void;
  /** SQLite only: a failed WAL checkpoint on the checkpointer thread. */
  onCheckpointError?: ((error: unknown) => void) | undefined;
}

export async function openStore(location: StoreLocation): Promise<ReceiptStore> {
  const options = location.onFiguresError ? { onFiguresError: location.onFiguresError } : {};
  if (location.databaseUrl) return openPostgresStore(location.databaseUrl, options);
  return openSqliteStore(location.sqlitePath, {
    ...options,
    ...(location.sqliteWriter ? { writer: location.sqliteWriter } : {}),
    ...(location.onCheckpointError ? { onCheckpointError: location.onCheckpointError } : {}),
  });
}

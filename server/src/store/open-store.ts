import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { ReceiptStore } from './store.js';

export interface StoreLocation {
  /** PostgreSQL connection string; when set it wins over `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath: string;
  /** A failed background count of the figures (the next read retries it). */
  onFiguresError?: (error: unknown) => void;
}

export async function openStore(location: StoreLocation): Promise<ReceiptStore> {
  const options = location.onFiguresError ? { onFiguresError: location.onFiguresError } : {};
  return location.databaseUrl ? openPostgresStore(location.databaseUrl, options) : openSqliteStore(location.sqlitePath, options);
}

import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { ReceiptStore } from './store.js';

export interface StoreLocation {
  /** PostgreSQL connection string; when set it wins over `sqlitePath`. */
  databaseUrl?: string | undefined;
  sqlitePath: string;
}

export async function openStore(location: StoreLocation): Promise<ReceiptStore> {
  return location.databaseUrl ? openPostgresStore(location.databaseUrl) : openSqliteStore(location.sqlitePath);
}

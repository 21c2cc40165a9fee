// Library entry: embed the receipts server in another Node process.
export { buildApp, type AppOptions } from './app.js';
export { loadConfig, ConfigError, type Config } from './config.js';
export { ReceiptSchema, type Receipt } from './schemas/receipt.js';
export { openStore } from './store/open-store.js';
export { openSqliteStore } from './store/sqlite-store.js';
export { openPostgresStore } from './store/postgres-store.js';
export type { ReceiptStore, StoredReceipt, VerifyResult, PurgeResult, AppendResult } from './store/store.js';

import { isIpLiteral } from './routes/receipt-checks.js';
import type { SqliteWriterKind } from './store/sqlite-writer.js';

// Configuration comes only from environment variables, checked once at start.
// Every problem names its variable, and all problems are reported together.

export interface Config {
  port: number;
  host: string;
  /** SQLite file, used when `databaseUrl` is not set. */
  receiptsDb: string;
  /** SQLite only: where append transactions run; undefined lets the adapter pick. */
  sqliteWriter: SqliteWriterKind | undefined;
  databaseUrl: string | undefined;
  allowedOrigins: string[];
  adminToken: string | undefined;
  /** Requests per minute per client address. */
  rateLimit: number;
  bodyLimit: number;
  /** Time a client has to send a whole request, headers and body, in ms. */
  requestTimeoutMs: number;
  retentionDays: number;
  logLevel: LogLevel;
  /** Trust X-Forwarded-For from this many proxy hops (for the rate-limit key only). */
  trustProxy: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

// The UK Limitation Act 1980 gives six years for most claims; see README.
export const DEFAULT_RETENTION_DAYS = 2192;
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** `serve` needs ALLOWED_ORIGINS; the admin commands do not. */
  requireOrigins?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return Number(raw);
  };

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Never echo the value: it may hold a password.
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// connection string');
  }

  const allowedOrigins = (value('ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of allowedOrigins) {
    if (!isOrigin(origin)) {
      problems.push(`ALLOWED_ORIGINS entry "${origin}" must be an origin: scheme://host[:port], no path or trailing slash`);
    } else if (isIpLiteral(origin)) {
      problems.push(`ALLOWED_ORIGINS entry "${origin}" must name a host, not an IP address (loopback is allowed for development)`);
    }
  }
  if (options.requireOrigins && allowedOrigins.length === 0) {
    problems.push('ALLOWED_ORIGINS must list the site origins that may post receipts, e.g. https://www.example.co.uk');
  }

  const adminToken = value('ADMIN_TOKEN');
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    problems.push(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (use e.g. \`openssl rand -hex 32\`)`);
  }

  const writer = value('SQLITE_WRITER');
  const sqliteWriter = writer === 'worker' || writer === 'inline' ? writer : undefined;
  if (writer !== undefined && sqliteWriter === undefined) problems.push(`SQLITE_WRITER must be worker or inline, got "${writer}"`);

  const logLevel = (value('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const bodyLimit = parseBytes(value('BODY_LIMIT'));
  if (bodyLimit === null) problems.push(`BODY_LIMIT must be a size in bytes such as 65536, 64kb or 1mb (max 10mb), got "${value('BODY_LIMIT')}"`);

  const config: Config = {
    port: integer('PORT', 8787, 0, 65535),
    host: value('HOST') ?? '127.0.0.1',
    receiptsDb: value('RECEIPTS_DB') ?? './receipts.db',
    sqliteWriter,
    databaseUrl,
    allowedOrigins,
    adminToken,
    rateLimit: integer('RATE_LIMIT', 60, 1, 1_000_000_000),
    bodyLimit: bodyLimit ?? 0,
    requestTimeoutMs: integer('REQUEST_TIMEOUT', 10_000, 100, 600_000),
    retentionDays: integer('RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 1, 36_500),
    logLevel,
    trustProxy: integer('TRUST_PROXY', 0, 0, 10),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024 };

function parseBytes(raw: string | undefined): number | null {
  if (raw === undefined) return 64 * 1024;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw);
  if (!match) return null;
  const bytes = Number(match[1]) * (UNITS[(match[2] ?? '').toLowerCase()] ?? 1);
  return bytes >= 1024 && bytes <= 10 * 1024 * 1024 ? bytes : null;
}

import { readdirSync, readFileSync } from 'node:fs';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// src/store and dist/store are both two levels below the package root.
const MIGRATIONS_ROOT = new URL('../../migrations/', import.meta.url);

/** The numbered `NNN-name.sql` files of one dialect, in order. */
export function loadMigrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const dir = new URL(`${dialect}/`, MIGRATIONS_ROOT);
  return readdirSync(dir)
    .map((file) => /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      version: Number(match[1]),
      name: match[2] ?? '',
      sql: readFileSync(new URL(match[0], dir), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

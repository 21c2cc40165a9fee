import { ConfigError } from './config.js';
import type { ConsentryConfig } from './types.js';

/** Fetches and parses a config; a failure names the URL and what went wrong. */
export const fetchConfig = async (url: string): Promise<ConsentryConfig> => {
  const res = await fetch(url).catch(() => null);
  if (!res?.ok) throw new ConfigError([`${url}: not loaded (${res?.status ?? 'network error'})`]);
  return parseConfig(await res.text(), url);
};

export const parseConfig = (text: string, where: string): ConsentryConfig => {
  try {
    return JSON.parse(text) as ConsentryConfig;
  } catch (e) {
    throw new ConfigError([`${where}: ${(e as Error).message}`]);
  }
};

/**
 * The npm entry: `import { init } from 'consentry'`.
 * Defines no elements itself; the UI, policy and validator chunks are
 * imported only when needed.
 */
import { createConsentry } from './core/init.js';
import { fetchConfig } from './core/load-config.js';
import type { CoreEnv } from './core/env.js';
import type { ConsentApi, ConsentryConfig } from './core/types.js';
import { CHUNKS, type ChunkName } from './chunks.js';

export type * from './core/types.js';
export type { CoreEnv } from './core/env.js';
export { ConfigError } from './core/config.js';
export { createConsentry };

const load = (chunk: ChunkName): Promise<unknown> => CHUNKS[chunk]();

/**
 * Boots Consentry with a config object or the URL of a JSON config. Rejects,
 * after logging, when the config is invalid; nothing non-essential runs then.
 */
export const init = async (config: ConsentryConfig | string, env: Partial<CoreEnv> = {}): Promise<ConsentApi> => {
  try {
    return await createConsentry(typeof config === 'string' ? await fetchConfig(config) : config, { load, ...env });
  } catch (e) {
    console.error(e);
    throw e;
  }
};

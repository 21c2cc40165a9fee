// The validation stamp shared by `consentry check --stamp`, the demo server
// and the benchmarks. The core computes the same digest (src/core/init.ts);
// a spec in src/core checks the two agree.

/** FNV-1a, 32 bit, base36: the same digest as `fnv` in src/core/consent-cookie.ts. */
export const fnv = (text) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x1000193);
  return (h >>> 0).toString(36);
};

/** The stamp the core compares: a digest of the config as parsed, without the stamp itself. */
export const validationStamp = (config) => fnv(JSON.stringify({ ...config, $validated: undefined }));

/** The config with a fresh stamp, placed after `$schema` so the file reads well. */
export const stamped = (config) => {
  const { $schema, $validated: _, ...rest } = config;
  return { ...($schema ? { $schema } : {}), $validated: validationStamp(config), ...rest };
};

/**
 * Built-in English strings the core renders itself (the floating button a
 * returning visitor sees without loading the UI). Other languages carry the
 * same keys in their table (`fr.ts`…), which the core loads only then.
 */
export const enCore = {
  reopen: 'Cookie settings',
};

import type { ConsentryConfig } from '../core/types.js';

/**
 * Applies the config's `theme` to an element: each key becomes the matching
 * `--consentry-*` custom property (`buttonBackground` →
 * `--consentry-button-background`) and `scheme` becomes the `scheme`
 * attribute. Goes through CSSOM, which a strict `style-src` does not block.
 */
export const applyTheme = (host: HTMLElement, theme: ConsentryConfig['theme']): void => {
  for (const [key, value] of Object.entries(theme ?? {})) {
    if (value == null) continue;
    if (key == 'scheme') host.setAttribute('scheme', value);
    else host.style.setProperty('--consentry-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), value);
  }
};

import type { StorybookConfig } from '@storybook/web-components-vite';

/** Stories for every Consentry element; the build runs offline in CI, so telemetry is off. */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;

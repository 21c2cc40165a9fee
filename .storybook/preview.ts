import type { Preview } from '@storybook/web-components-vite';
import { resetStories } from './consentry-story';

const preview: Preview = {
  parameters: { layout: 'fullscreen' },
  // Tear the core and its elements down when a story is left.
  beforeEach: () => resetStories,
};

export default preview;

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { bootStory, pageBehind, storyConfig } from '../.storybook/consentry-story';

/** Knobs of the embed-placeholder stories. */
export interface PlaceholderKnobs {
  /** `data-consent` of the gated iframe: `category` or `category:service`. */
  consent: string;
  scheme: 'light' | 'dark';
  language: 'en' | 'cy' | 'fr' | 'de' | 'es';
  width: number;
  height: number;
}

const meta: Meta<PlaceholderKnobs> = {
  title: 'Consentry/Placeholder',
  args: { consent: 'marketing:youtube', scheme: 'light', language: 'en', width: 560, height: 315 },
  argTypes: {
    scheme: { control: 'inline-radio', options: ['light', 'dark'] },
    language: { control: 'select', options: ['en', 'cy', 'fr', 'de', 'es'] },
  },
  // The gated iframe goes on the page first; the real core then finds it blocked and mounts the placeholder.
  loaders: [
    async ({ args }) => {
      const knobs = args;
      const page = pageBehind();
      const frame = document.createElement('iframe');
      frame.setAttribute('data-consent', knobs.consent);
      frame.setAttribute('data-src', 'about:blank');
      frame.width = String(knobs.width);
      frame.height = String(knobs.height);
      frame.title = 'Our video tour';
      page.append(frame);
      document.body.append(page);
      const config = storyConfig((c) => {
        c.language = knobs.language;
        c.theme = { scheme: knobs.scheme };
        c.ui = { layout: 'box' };
        c.categories
          .find((x) => x.id == 'marketing')
          ?.services?.push({
            id: 'youtube',
            name: 'YouTube',
            cookies: [
              { name: 'VISITOR_INFO1_LIVE', provider: 'Google', purpose: 'Remembers video settings.', duration: '6 months' },
              { name: 'YSC', provider: 'Google', purpose: 'Counts video views.', duration: 'session' },
            ],
          });
      });
      const api = await bootStory(config);
      page.remove();
      return { api, page };
    },
  ],
  render: (_, { loaded }) => (loaded as { page: HTMLElement }).page,
};
export default meta;

type Story = StoryObj<PlaceholderKnobs>;

export const Service: Story = {};
/** No service named on the iframe: only the category can be allowed; named by the iframe's title. */
export const CategoryOnly: Story = { args: { consent: 'marketing' } };
export const Dark: Story = { args: { scheme: 'dark' } };
export const Welsh: Story = { args: { language: 'cy' } };
export const Small: Story = { args: { width: 300, height: 200 } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ConsentryConfig, ServiceConfig } from '../src/core/types';
import { bootStory, pageBehind, storyConfig, whenReady } from '../.storybook/consentry-story';

/** Knobs of the preference-centre stories. */
export interface PreferencesKnobs {
  language: 'en' | 'cy' | 'fr' | 'de' | 'es';
  scheme: 'light' | 'dark';
  pageDir: 'ltr' | 'rtl';
  gpc: boolean;
  objection: boolean;
  /** Extra services per category, to see a long dialog. */
  manyServices: boolean;
  /** Categories stored as granted before the dialog opens (a returning visitor). */
  stored: string[];
}

const extraServices = (category: string): ServiceConfig[] =>
  Array.from({ length: 6 }, (_, i) => ({
    id: `${category}-${i + 1}`,
    name: `${category[0].toUpperCase()}${category.slice(1)} service ${i + 1}`,
    description: 'A named third party, with the cookies it sets listed below.',
    url: 'https://example.com/privacy',
    cookies: [
      { name: `_${category}_${i + 1}`, provider: `Provider ${i + 1} Ltd`, purpose: 'Explains, in plain words, what this cookie is for.', duration: '6 months' },
      { name: `_${category}_${i + 1}_id`, provider: `Provider ${i + 1} Ltd`, purpose: 'Tells visits apart.', duration: '13 months' },
    ],
  }));

const configFor = (knobs: PreferencesKnobs): ConsentryConfig =>
  storyConfig((config) => {
    config.language = knobs.language;
    config.theme = { scheme: knobs.scheme };
    for (const category of config.categories) {
      if (knobs.manyServices && category.id != 'necessary') category.services = [...(category.services ?? []), ...extraServices(category.id)];
      if (knobs.objection && category.id == 'analytics') {
        category.basis = 'objection';
        delete category.consentMode;
      }
    }
  });

const dialogOf = () => document.querySelector('consentry-preferences')?.shadowRoot ?? null;

const meta: Meta<PreferencesKnobs> = {
  title: 'Consentry/Preferences',
  args: { language: 'en', scheme: 'light', pageDir: 'ltr', gpc: false, objection: false, manyServices: false, stored: [] },
  argTypes: {
    language: { control: 'select', options: ['en', 'cy', 'fr', 'de', 'es'] },
    scheme: { control: 'inline-radio', options: ['light', 'dark'] },
    pageDir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  loaders: [
    async ({ args }) => {
      const knobs = args;
      if (knobs.pageDir == 'rtl') document.documentElement.dir = 'rtl';
      const api = await bootStory(configFor(knobs), { gpc: knobs.gpc });
      if (knobs.stored.length) await api.save(knobs.stored, 'preferences');
      await api.openPreferences();
      if (knobs.pageDir == 'rtl') document.documentElement.dir = 'rtl';
      return { api };
    },
  ],
  render: () => pageBehind(),
};
export default meta;

type Story = StoryObj<PreferencesKnobs>;

/** First visit: necessary locked on with its reason, every consent switch off. */
export const FirstVisit: Story = {};
export const ManyServices: Story = { args: { manyServices: true } };
export const DetailsExpanded: Story = {
  play: async () => {
    const root = await whenReady(dialogOf);
    for (const details of root.querySelectorAll('details')) details.open = true;
  },
};
/** A returning visitor who allowed analytics: the stored choice and the consent id. */
export const StoredChoice: Story = { args: { stored: ['analytics'] } };
/** After *Save choices*: the dialog closes and "Preferences saved" shows in the status region. */
export const SavedStatus: Story = {
  play: async () => {
    const root = await whenReady(dialogOf);
    (root.querySelector('button[part="save"]') as HTMLButtonElement).click();
    await whenReady(() => root.querySelector('[role="status"]')?.textContent);
  },
};
export const Dark: Story = { args: { scheme: 'dark' } };
export const DarkDetailsExpanded: Story = { args: { scheme: 'dark' }, play: DetailsExpanded.play };
export const Welsh: Story = { args: { language: 'cy' } };
export const French: Story = { args: { language: 'fr' } };
export const German: Story = { args: { language: 'de' } };
export const Spanish: Story = { args: { language: 'es' } };
export const RightToLeftPage: Story = { args: { pageDir: 'rtl' } };
export const UkObjection: Story = { args: { objection: true } };
export const GlobalPrivacyControl: Story = { args: { gpc: true } };

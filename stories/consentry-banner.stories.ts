import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ConsentryConfig } from '../src/core/types';
import { bootStory, pageBehind, storyConfig } from '../.storybook/consentry-story';

/** Knobs of the banner stories; each story boots the real core with a config built from them. */
export interface BannerKnobs {
  layout: 'bar' | 'box' | 'center';
  language: 'en' | 'cy' | 'fr' | 'de' | 'es' | 'ar';
  scheme: 'light' | 'dark' | 'auto';
  /** The page's `<html dir>`. */
  pageDir: 'ltr' | 'rtl';
  gpc: boolean;
  /** Analytics on the UK statistics exception (`basis: objection`). */
  objection: boolean;
  longTexts: boolean;
}

const LONG = {
  bannerTitle: 'We and our carefully chosen, named partners would like your permission to use cookies and similar technologies',
  bannerText:
    'Strictly necessary cookies keep the site working and remember this choice. With your consent we would also measure how the site is used, remember your display settings, and measure our adverts on other sites. Nothing optional runs until you choose, and you can change your mind at any time from the cookie button in the corner of every page.',
  acceptAll: 'Accept all optional cookies',
  rejectAll: 'Reject all optional cookies',
  manage: 'Choose cookies one category at a time',
};

const ARABIC = {
  bannerTitle: 'ملفات تعريف الارتباط على هذا الموقع',
  bannerText: 'نستخدم ملفات تعريف الارتباط لتشغيل الموقع. وبموافقتك نستخدمها أيضًا لتحسينه وقياس إعلاناتنا.',
  policy: 'سياسة الخصوصية وملفات تعريف الارتباط',
  acceptAll: 'قبول الكل',
  rejectAll: 'رفض الكل',
  manage: 'إدارة التفضيلات',
};

const configFor = (knobs: BannerKnobs): ConsentryConfig =>
  storyConfig((config) => {
    config.ui = { layout: knobs.layout };
    config.language = knobs.language;
    config.theme = { scheme: knobs.scheme };
    if (knobs.language == 'ar') config.texts = { ar: ARABIC };
    if (knobs.longTexts) config.texts = { ...config.texts, en: LONG };
    if (knobs.objection) {
      const analytics = config.categories.find((c) => c.id == 'analytics');
      if (analytics) {
        analytics.basis = 'objection';
        delete analytics.consentMode;
      }
    }
  });

const meta: Meta<BannerKnobs> = {
  title: 'Consentry/Banner',
  args: { layout: 'bar', language: 'en', scheme: 'light', pageDir: 'ltr', gpc: false, objection: false, longTexts: false },
  argTypes: {
    layout: { control: 'inline-radio', options: ['bar', 'box', 'center'] },
    language: { control: 'select', options: ['en', 'cy', 'fr', 'de', 'es', 'ar'] },
    scheme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    pageDir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  // The real core decides to show the banner and prepends it to <body>.
  loaders: [
    async ({ args }) => {
      const api = await bootStory(configFor(args), { gpc: (args).gpc });
      if ((args).pageDir == 'rtl') document.documentElement.dir = 'rtl';
      return { api };
    },
  ],
  render: () => pageBehind(),
};
export default meta;

type Story = StoryObj<BannerKnobs>;

export const Bar: Story = {};
export const Box: Story = { args: { layout: 'box' } };
export const Center: Story = { args: { layout: 'center' } };
export const LongTexts: Story = { args: { longTexts: true } };
export const LongTextsInABox: Story = { args: { longTexts: true, layout: 'box' } };
export const Welsh: Story = { args: { language: 'cy' } };
export const French: Story = { args: { language: 'fr' } };
export const German: Story = { args: { language: 'de' } };
export const Spanish: Story = { args: { language: 'es' } };
export const RightToLeftArabic: Story = { args: { language: 'ar', layout: 'box' } };
export const RightToLeftPage: Story = { args: { pageDir: 'rtl' } };
export const Dark: Story = { args: { scheme: 'dark' } };
export const DarkCenter: Story = { args: { scheme: 'dark', layout: 'center' } };
export const FollowsTheSystemScheme: Story = { args: { scheme: 'auto' } };
export const UkObjection: Story = { args: { objection: true } };
export const GlobalPrivacyControl: Story = { args: { gpc: true } };

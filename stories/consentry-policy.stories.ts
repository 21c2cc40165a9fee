import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConsentApi, ConsentryConfig } from '../src/core/types';
import { definePolicy } from '../src/policy';
import { bootStory } from '../.storybook/consentry-story';
import demoConfig from '../demo/consent.json';
// @ts-expect-error -- Vite's `?raw` import; this tsconfig does not load vite/client types.
import demoPolicy from '../demo/privacy.md?raw';

/** Knobs of the policy viewer stories; each boots the real core with the demo config. */
export interface PolicyKnobs {
  /** `short`: three sections; `long`: the full Keyhold demo policy (17 sections, ~60 subsections). */
  policy: 'short' | 'long';
  consentPanel: boolean;
  /** What the visitor has done before opening the policy. */
  choice: 'none' | 'accepted' | 'rejected';
  scheme: 'light' | 'dark';
}

const SHORT = `---
version: 2026-05-01
updated: 2026-05-01
---

# Privacy notice

## 1. Who we are

Keyhold Inventories Ltd, Bristol. Contact our DPO at [privacy@keyhold.example](mailto:privacy@keyhold.example).

## 2. Cookies

We set strictly necessary cookies, and others only with your consent.

<!-- consentry:cookie-table -->

## 3. Your rights

You can ask for a copy of your data, have it corrected or deleted, and complain to the ICO.
`;

const config = (): ConsentryConfig => {
  const c = structuredClone(demoConfig) as ConsentryConfig;
  c.cookie = { name: 'consentry-story' };
  c.policy = {
    url: '/privacy',
    version: '2026-05-01',
    updated: '2026-05-01',
    history: [
      { version: '2026-05-01', date: '2026-05-01', summary: 'Added the video player and page-speed measurement.' },
      { version: '2025-09-01', date: '2025-09-01', summary: 'First published version.' },
    ],
  };
  return c;
};

/** Receipts go nowhere: stories make no network calls, but the download link still shows. */
const offline = { fetch: () => Promise.resolve(new Response(null, { status: 201 })), sendBeacon: () => true };

const meta: Meta<PolicyKnobs> = {
  title: 'Consentry/Policy',
  args: { policy: 'short', consentPanel: true, choice: 'accepted', scheme: 'light' },
  argTypes: {
    policy: { control: 'inline-radio', options: ['short', 'long'] },
    choice: { control: 'inline-radio', options: ['none', 'accepted', 'rejected'] },
    scheme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  loaders: [
    async ({ args }) => {
      const knobs = args;
      const api = await bootStory(config(), offline);
      if (knobs.choice === 'accepted') await api.save(['necessary', 'analytics']);
      if (knobs.choice === 'rejected') await api.rejectAll();
      definePolicy(api);
      return { api };
    },
  ],
  render: (args, { loaded }) => {
    const knobs = args;
    const { api } = loaded as { api: ConsentApi };
    return html`<consentry-policy
      .api=${api}
      .markdown=${knobs.policy === 'long' ? (demoPolicy as string) : SHORT}
      ?no-consent-panel=${!knobs.consentPanel}
      scheme=${knobs.scheme}
    ></consentry-policy>`;
  },
};
export default meta;

type Story = StoryObj<PolicyKnobs>;

export const Short: Story = {};
export const ShortWithoutConsentPanel: Story = { args: { consentPanel: false } };
export const Long: Story = { args: { policy: 'long' } };
export const LongWithoutConsentPanel: Story = { args: { policy: 'long', consentPanel: false } };
export const BeforeAnyChoice: Story = { args: { choice: 'none' } };
export const Dark: Story = { args: { scheme: 'dark', policy: 'long' } };

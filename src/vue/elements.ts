/**
 * The Consentry elements in Vue templates, for vue-tsc and editors: their
 * properties typed as a component's props (templates write them in kebab
 * case: `no-consent-panel`). Vue must also be told they are custom elements
 * (`compilerOptions.isCustomElement`). Types only.
 */
import type { PublicProps } from 'vue';
import type { ConsentryBanner } from '../elements/consentry-banner/consentry-banner.js';
import type { ConsentryPlaceholder } from '../elements/consentry-placeholder/consentry-placeholder.js';
import type { ConsentryPolicy } from '../elements/consentry-policy/consentry-policy.js';
import type { ConsentryPreferences } from '../elements/consentry-preferences/consentry-preferences.js';

/** A custom element as a template component: the element's instance type, with `Props` of it settable. */
type VueElement<E extends HTMLElement, Props extends keyof E, Extra = unknown> = new () => E & {
  $props: Partial<Pick<E, Props>> & Extra & PublicProps;
};

export interface ConsentryVueElements {
  'consentry-policy': VueElement<
    ConsentryPolicy,
    'src' | 'format' | 'markdown' | 'html' | 'api' | 'config' | 'scheme' | 'noConsentPanel',
    { onLoad?: (event: Event) => void; onError?: (event: Event) => void }
  >;
  'consentry-banner': VueElement<ConsentryBanner, 'api'>;
  'consentry-preferences': VueElement<ConsentryPreferences, 'api', { onClose?: (event: Event) => void }>;
  'consentry-placeholder': VueElement<ConsentryPlaceholder, 'api' | 'frame'>;
}

/**
 * Props of the Consentry elements in React 19 JSX. React 19 sets a prop as
 * a property when the element has one (`markdown`, `config`, `api`), else as
 * an attribute (`no-consent-panel`), and adds a listener for a lowercase
 * `on…` prop (`onload` listens for `load`). Types only.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ConsentryBanner } from '../elements/consentry-banner/consentry-banner.js';
import type { ConsentryPlaceholder } from '../elements/consentry-placeholder/consentry-placeholder.js';
import type { ConsentryPolicy } from '../elements/consentry-policy/consentry-policy.js';
import type { ConsentryPreferences } from '../elements/consentry-preferences/consentry-preferences.js';

type Element<E extends HTMLElement, Props extends keyof E> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Partial<Pick<E, Props>>;

export interface ConsentryTagProps {
  /** The policy viewer; put it on your privacy page. */
  'consentry-policy': Element<ConsentryPolicy, 'src' | 'format' | 'markdown' | 'html' | 'api' | 'config' | 'scheme'> & {
    'no-consent-panel'?: boolean;
    /** The policy has been rendered. */
    onload?: (event: Event) => void;
    /** The policy could not be fetched or rendered. */
    onerror?: (event: Event) => void;
  };
  /** The first layer; the core mounts it itself when a choice is needed. */
  'consentry-banner': Element<ConsentryBanner, 'api'>;
  /** The preference centre; the core mounts it for `openPreferences()`. */
  'consentry-preferences': Element<ConsentryPreferences, 'api'> & { onclose?: (event: Event) => void };
  /** The stand-in before a gated iframe; the core mounts it. */
  'consentry-placeholder': Element<ConsentryPlaceholder, 'api' | 'frame'>;
}

/**
 * `consentry/react`: a provider that boots Consentry once per page, hooks for
 * the consent of one category or service, and a gate for React-rendered
 * embeds. Safe to render on the server: nothing touches `window` or
 * `document` before an effect runs, and the server renders no banner (the
 * core mounts it in the browser only when a choice is needed), so a
 * returning visitor never sees one flash.
 *
 * While the state is not known (on the server, and during hydration until
 * the core is ready) the hooks return `null` and a gate renders its
 * `pending` content, so the server's HTML and the first client render agree.
 * The built file starts with `'use client'` for the Next.js App Router.
 */
import { createElement, Fragment, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { connect, getApi, getSnapshot, granted, subscribe, type ConnectConfig } from '../adapters/connect.js';
import type { ConsentApi, ConsentState } from '../core/types.js';
import type { ConsentryTagProps } from './elements.js';

export type { ConnectConfig } from '../adapters/connect.js';
export type { ConsentryTagProps } from './elements.js';
export { connect };

const getServerSnapshot = (): ConsentState | null => null;

/** The visitor's consent state; `null` until Consentry is ready (always on the server). */
export const useConsentState = (): ConsentState | null => useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);

/**
 * Whether `category` (or, with `service`, that one service) may run now:
 * `true`, `false`, or `null` while it is not known yet.
 */
export const useConsent = (category: string, service?: string): boolean | null =>
  granted(useConsentState(), category, service);

/** The core's API (`acceptAll`, `allowService`, `openPreferences`…), or `null` until it is ready. */
export const useConsentry = (): ConsentApi | null => {
  useConsentState(); // re-render when it becomes ready
  return getApi();
};

export interface ConsentryProviderProps {
  /** The config object or the URL of the JSON config. Omit it to use the script-tag build's `window.Consentry`. */
  config?: ConnectConfig;
  children?: ReactNode;
}

/**
 * Boots Consentry in the browser after hydration, once per page however
 * often it mounts. Renders its children and nothing else.
 */
export const ConsentryProvider = ({ config, children }: ConsentryProviderProps): ReactNode => {
  useEffect(() => {
    connect(config).catch(() => {}); // init() has logged why; nothing optional runs then
    // Deliberately once: a new config means a new page load, not a second banner.
  }, []);
  return createElement(Fragment, null, children);
};

export interface ConsentGateProps {
  /** Category id from the config (`marketing`). */
  category: string;
  /** A service of that category (`youtube`): allowed with the category or on its own. */
  service?: string;
  /** Rendered once allowed: the embed itself. */
  children?: ReactNode;
  /** Rendered when not allowed: say what the embed is and offer to allow it. */
  fallback?: ReactNode;
  /** Rendered while the choice is not known yet (server and first render). Default: nothing. */
  pending?: ReactNode;
}

/** Renders an embed only once the visitor allows its category or service. */
export const ConsentGate = ({ category, service, children, fallback = null, pending = null }: ConsentGateProps): ReactNode => {
  const allowed = useConsent(category, service);
  return createElement(Fragment, null, allowed === null ? pending : allowed ? children : fallback);
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // Typed props for the elements in React 19 JSX (`<consentry-policy src="/privacy.md" />`).
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends ConsentryTagProps {}
  }
}

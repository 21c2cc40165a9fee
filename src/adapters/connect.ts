/**
 * What the React and Vue adapters share: one Consentry per page, and the
 * consent state as a store a framework can subscribe to. Framework-free and
 * thin: it calls the core's public API (`init`, `getState`, `onChange`, `get`)
 * and decides nothing itself.
 *
 * Nothing here touches `window` or `document` until `connect()` is called,
 * which the adapters do only in the browser (after mount), so server
 * rendering stays free of browser globals.
 */
import { init } from '../index.js';
import type { ConsentApi, ConsentState, ConsentryConfig } from '../core/types.js';

/** A config object, or the URL of a JSON config. Both serialise, so a server component may pass either. */
export type ConnectConfig = ConsentryConfig | string;

let connecting: Promise<ConsentApi> | undefined;
let api: ConsentApi | null = null;
let state: ConsentState | null = null;
const listeners = new Set<() => void>();

const publish = (next: ConsentState) => {
  state = next;
  for (const l of listeners) l();
};

/** Waits for the script-tag build's `window.Consentry` (it is set just after `consentry:ready`). */
const scriptTagApi = (): Promise<ConsentApi> =>
  new Promise((resolve) => {
    const poll = () => (window.Consentry ? resolve(window.Consentry) : setTimeout(poll, 10));
    if (window.Consentry) resolve(window.Consentry);
    else document.addEventListener('consentry:ready', poll, { once: true });
  });

/**
 * Boots Consentry once per page and resolves to its API. Later calls (a
 * second provider, React's StrictMode, a remount after navigation) get the
 * same instance: never a second banner or a second set of listeners. Without
 * a config it waits for the script-tag build's `window.Consentry`; with one,
 * it uses `window.Consentry` when the script-tag build is already there.
 */
export const connect = (config?: ConnectConfig): Promise<ConsentApi> => {
  if (typeof document === 'undefined')
    return Promise.reject(new Error('consentry: connect() runs in the browser only; call it from an effect or onMounted'));
  return (connecting ??= (
    window.Consentry ? Promise.resolve(window.Consentry) : config === undefined ? scriptTagApi() : init(config)
  ).then((a) => {
    api = a;
    a.onChange((_detail, next) => publish(next));
    publish(a.getState());
    return a;
  }));
};

/** The API once `connect()` has resolved, else `null` (always `null` on the server). */
export const getApi = (): ConsentApi | null => api;

/** The latest consent state, or `null` before Consentry is ready (and on the server). Stable between changes. */
export const getSnapshot = (): ConsentState | null => state;

/** Calls `listener` after each change of the state; returns the unsubscribe function. */
export const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Whether a category (or one of its services) may run: `null` while not known yet. */
export const granted = (snapshot: ConsentState | null, category: string, service?: string): boolean | null =>
  snapshot && api ? api.get(category, service) : null;

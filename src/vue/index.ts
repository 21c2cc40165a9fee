/**
 * `consentry/vue`: a provider component that boots Consentry once per page,
 * a composable for the consent of one category or service, and a gate for
 * Vue-rendered embeds. Safe to render on the server (Nuxt): `onMounted`
 * never runs there, so nothing touches `window` or `document`, and the
 * server renders no banner (the core mounts it in the browser only when a
 * choice is needed).
 *
 * Until the component has mounted and the core is ready the composables
 * hold `null` and a gate renders its `pending` slot, so the server's HTML
 * and the hydrating render agree.
 */
import { computed, defineComponent, onMounted, onUnmounted, shallowRef, type PropType, type Ref, type SlotsType } from 'vue';
import { connect, getApi, getSnapshot, granted, subscribe, type ConnectConfig } from '../adapters/connect.js';
import type { ConsentApi, ConsentState } from '../core/types.js';
import type { ConsentryVueElements } from './elements.js';

export type { ConnectConfig } from '../adapters/connect.js';
export type { ConsentryVueElements } from './elements.js';
export { connect };

/** The visitor's consent state; `null` until mounted in the browser and Consentry is ready. */
export const useConsentState = (): Readonly<Ref<ConsentState | null>> => {
  const state = shallowRef<ConsentState | null>(null);
  let stop: (() => void) | undefined;
  onMounted(() => {
    state.value = getSnapshot();
    stop = subscribe(() => (state.value = getSnapshot()));
  });
  onUnmounted(() => stop?.());
  return state;
};

/**
 * Whether `category` (or, with `service`, that one service) may run now:
 * `true`, `false`, or `null` while it is not known yet.
 */
export const useConsent = (category: string, service?: string): Readonly<Ref<boolean | null>> => {
  const state = useConsentState();
  return computed(() => granted(state.value, category, service));
};

/** The core's API (`acceptAll`, `allowService`, `openPreferences`…), or `null` until it is ready. */
export const useConsentry = (): Readonly<Ref<ConsentApi | null>> => {
  const api = shallowRef<ConsentApi | null>(null);
  let stop: (() => void) | undefined;
  onMounted(() => {
    api.value = getApi();
    stop = subscribe(() => (api.value = getApi()));
  });
  onUnmounted(() => stop?.());
  return api;
};

/**
 * Boots Consentry in the browser once mounted, once per page however often
 * it mounts. Renders its default slot and nothing else.
 */
export const ConsentryProvider = defineComponent({
  name: 'ConsentryProvider',
  props: {
    /** The config object or the URL of the JSON config. Omit it to use the script-tag build's `window.Consentry`. */
    config: { type: [String, Object] as PropType<ConnectConfig>, default: undefined },
  },
  slots: Object as SlotsType<{ default?: () => unknown }>,
  setup(props, { slots }) {
    onMounted(() => {
      connect(props.config).catch(() => {}); // init() has logged why; nothing optional runs then
    });
    return () => slots.default?.();
  },
});

/** Renders an embed (the default slot) only once the visitor allows its category or service. */
export const ConsentGate = defineComponent({
  name: 'ConsentGate',
  props: {
    /** Category id from the config (`marketing`). */
    category: { type: String, required: true },
    /** A service of that category (`youtube`): allowed with the category or on its own. */
    service: { type: String, default: undefined },
  },
  /** `default`: the embed; `fallback`: shown when not allowed; `pending`: while not known yet (default nothing). */
  slots: Object as SlotsType<{ default?: () => unknown; fallback?: () => unknown; pending?: () => unknown }>,
  setup(props, { slots }) {
    const state = useConsentState();
    // Props are read inside the computed: a gate re-pointed at another category follows it.
    const allowed = computed(() => granted(state.value, props.category, props.service));
    return () => (allowed.value === null ? slots.pending?.() : allowed.value ? slots.default?.() : slots.fallback?.());
  },
});

declare module 'vue' {
  // The elements in templates (`<consentry-policy src="/privacy.md" />`), typed for vue-tsc.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends ConsentryVueElements {}
}

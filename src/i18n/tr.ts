import type { Strings } from './index.js';

/** Turkish: the floating button and the first layer. */
export default {
  reopen: 'Çerez ayarları',
  bannerTitle: 'Bu sitedeki çerezler',
  bannerText: 'Sitenin çalışması için gereken çerezleri kullanıyoruz. İzninizle isteğe bağlı çerezleri de kullanırız; bunları tek tek seçebilirsiniz.',
  policy: 'Gizlilik ve çerez politikası',
  acceptAll: 'Tümünü kabul et',
  rejectAll: 'Tümünü reddet',
  manage: 'Tercihleri yönet',
  objectionOn: 'İtiraz etmediğiniz sürece açık: {list}.',
  object: 'İtiraz et',
  gpc: 'Tarayıcınız Global Privacy Control sinyali gönderiyor; bu nedenle pazarlama çerezleri kapalı kalır.',
} satisfies Strings;

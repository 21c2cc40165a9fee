import type { DetailStrings } from '../en-details.js';

/** Turkish: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Çerez tercihleri',
  prefsText: 'Hangi çerezleri kullanabileceğimizi seçin. Bunu istediğiniz zaman değiştirebilirsiniz.',
  save: 'Seçimleri kaydet',
  close: 'Kapat',
  alwaysOn: 'Her zaman açık: site çalışmak için bunlara ihtiyaç duyar.',
  onByDefault: 'Siz kapatmadığınız sürece açık.',
  details: 'Hizmetler ve çerezler',
  cookie: 'Çerez',
  provider: 'Sağlayıcı',
  purpose: 'Amaç',
  duration: 'Süre',
  providerPolicy: '{name} gizlilik politikası',
  consentId: 'İzin kimliğiniz:',
  noneYet: 'henüz yok',
  saved: 'Tercihler kaydedildi',
  gpcPrefs: 'Tarayıcınız Global Privacy Control sinyali gönderiyor; bu nedenle burada açmadığınız sürece pazarlama kapalıdır.',
  gpcPrefsLocked: 'Tarayıcınız Global Privacy Control sinyali gönderiyor; bu nedenle pazarlama bu sitede kapalı kalır.',
  blocked: '{service} içeriği, “{category}” için izin verene kadar engellendi.',
  sets: 'Şu çerezler kaydedilir: {cookies}.',
  allowCategory: '“{category}” için izin ver',
  allowService: 'Yalnızca bu {service} içeriğine izin ver',
} satisfies DetailStrings;

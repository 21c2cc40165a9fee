// Klaro 0.7 with the demo's four categories as purposes (bench only).
window.klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 182,
  privacyPolicy: '/privacy.html',
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  lang: 'en',
  translations: {
    en: {
      consentNotice: { description: 'We use cookies to make the site work, to remember your settings, to measure how it is used and for advertising. Choose which ones you allow.' },
      purposes: {
        functional: 'Functional',
        analytics: 'Analytics and performance',
        marketing: 'Marketing and advertising',
      },
    },
  },
  services: [
    { name: 'site', title: 'This website', purposes: ['necessary'], required: true, cookies: ['klaro', 'session'] },
    { name: 'preferences', title: 'Site preferences', purposes: ['functional'], cookies: ['prefs'] },
    { name: 'ga4', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga/] },
    { name: 'meta', title: 'Meta Pixel', purposes: ['marketing'], cookies: ['_fbp'] },
  ],
};

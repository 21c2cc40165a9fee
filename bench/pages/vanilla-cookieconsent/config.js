// vanilla-cookieconsent v3 with the demo's four categories (bench only).
CookieConsent.run({
  // Headless Chromium says "HeadlessChrome" in its user agent; by default the banner hides from bots.
  hideFromBots: false,
  revision: 1,
  cookie: { name: 'cc_cookie', expiresAfterDays: 182 },
  guiOptions: { consentModal: { layout: 'bar', position: 'bottom' } },
  categories: {
    necessary: { enabled: true, readOnly: true },
    functional: {},
    analytics: { autoClear: { cookies: [{ name: /^_ga/ }] } },
    marketing: { autoClear: { cookies: [{ name: '_fbp' }] } },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies on the Keyhold Inventories website',
          description: 'We use cookies to make the site work, to remember your settings, to measure how it is used and for advertising. Choose which ones you allow.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Strictly necessary', description: 'Needed for the site to work: security, the contact form and remembering your cookie choice.', linkedCategory: 'necessary' },
            { title: 'Functional', description: 'Remembers your display settings, such as larger text.', linkedCategory: 'functional' },
            { title: 'Analytics and performance', description: 'Tells us how the site is used and how fast it is. Google Analytics, with IP anonymisation.', linkedCategory: 'analytics' },
            { title: 'Marketing and advertising', description: 'Measures our advertising and shows you relevant adverts on other sites.', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
});

import type { Strings } from './index.js';

/** Dutch: the floating button and the first layer. */
export default {
  reopen: 'Cookie-instellingen',
  bannerTitle: 'Cookies op deze website',
  bannerText: 'Wij gebruiken cookies die de website nodig heeft om te werken. Met uw toestemming gebruiken we ook optionele cookies, die u één voor één kunt kiezen.',
  policy: 'Privacy- en cookiebeleid',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  manage: 'Voorkeuren beheren',
  objectionOn: 'Aan, tenzij u bezwaar maakt: {list}.',
  object: 'Bezwaar maken',
  gpc: 'Uw browser stuurt een Global Privacy Control-signaal, dus marketingcookies blijven uit.',
} satisfies Strings;

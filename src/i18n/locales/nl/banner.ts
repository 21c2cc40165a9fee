import type { BannerStrings } from '../types.js';

/** Dutch: the first layer and the floating button. */
export default {
  bannerTitle: 'Cookies op deze website',
  bannerText: 'Wij gebruiken cookies die de website nodig heeft om te werken. Met uw toestemming gebruiken we ook optionele cookies, die u één voor één kunt kiezen.',
  policy: 'Privacy- en cookiebeleid',
  acceptAll: 'Alles accepteren',
  rejectAll: 'Alles weigeren',
  manage: 'Voorkeuren beheren',
  objectionOn: 'Aan, tenzij u bezwaar maakt: {list}.',
  object: 'Bezwaar maken',
  gpc: 'Uw browser stuurt een Global Privacy Control-signaal, dus marketingcookies blijven uit.',
  reopen: 'Cookie-instellingen',
} satisfies BannerStrings;

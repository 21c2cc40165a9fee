import type { DetailStrings } from '../en-details.js';

/** Bulgarian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Настройки за бисквитки',
  prefsText: 'Изберете кои бисквитки можем да използваме. Можете да промените избора си по всяко време.',
  save: 'Запазване на избора',
  close: 'Затваряне',
  alwaysOn: 'Винаги включени: сайтът се нуждае от тях, за да работи.',
  onByDefault: 'Включено, освен ако не го изключите.',
  details: 'Услуги и бисквитки',
  cookie: 'Бисквитка',
  provider: 'Доставчик',
  purpose: 'Цел',
  duration: 'Срок на съхранение',
  providerPolicy: 'Политика за поверителност на {name}',
  consentId: 'Вашият идентификатор на съгласие:',
  noneYet: 'все още няма',
  saved: 'Настройките са запазени',
  gpcPrefs: 'Браузърът ви изпраща сигнал Global Privacy Control, затова маркетингът е изключен, освен ако не го включите тук.',
  gpcPrefsLocked: 'Браузърът ви изпраща сигнал Global Privacy Control, затова маркетингът остава изключен на този сайт.',
  blocked: 'Съдържанието от {service} е блокирано, докато не разрешите „{category}“.',
  sets: 'Ще бъдат записани тези бисквитки: {cookies}.',
  allowCategory: 'Разрешаване на „{category}“',
  allowService: 'Разрешаване само на това съдържание от {service}',
} satisfies DetailStrings;

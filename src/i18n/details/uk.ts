import type { DetailStrings } from '../en-details.js';

/** Ukrainian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Налаштування файлів cookie',
  prefsText: 'Оберіть, які файли cookie ми можемо використовувати. Ви можете змінити це будь-коли.',
  save: 'Зберегти вибір',
  close: 'Закрити',
  alwaysOn: 'Завжди ввімкнено: вони потрібні для роботи сайту.',
  onByDefault: 'Увімкнено, доки ви це не вимкнете.',
  details: 'Сервіси та файли cookie',
  cookie: 'Файл cookie',
  provider: 'Постачальник',
  purpose: 'Мета',
  duration: 'Строк зберігання',
  providerPolicy: 'Політика конфіденційності {name}',
  consentId: 'Ваш ідентифікатор згоди:',
  noneYet: 'ще немає',
  saved: 'Налаштування збережено',
  gpcPrefs: 'Ваш браузер надсилає сигнал Global Privacy Control, тому маркетинг вимкнено, якщо ви не ввімкнете його тут.',
  gpcPrefsLocked: 'Ваш браузер надсилає сигнал Global Privacy Control, тому маркетинг на цьому сайті залишається вимкненим.',
  blocked: 'Вміст {service} заблоковано, доки ви не дозволите «{category}».',
  sets: 'Буде збережено такі файли cookie: {cookies}.',
  allowCategory: 'Дозволити «{category}»',
  allowService: 'Дозволити лише цей вміст {service}',
} satisfies DetailStrings;

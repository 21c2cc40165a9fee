import type { Strings } from './index.js';

/** Ukrainian: the floating button and the first layer. */
export default {
  reopen: 'Налаштування cookie',
  bannerTitle: 'Файли cookie на цьому сайті',
  bannerText: 'Ми використовуємо файли cookie, потрібні для роботи сайту. За вашою згодою ми також використовували б необовʼязкові файли cookie, які ви можете обрати окремо.',
  policy: 'Політика конфіденційності та файлів cookie',
  acceptAll: 'Прийняти всі',
  rejectAll: 'Відхилити всі',
  manage: 'Керувати налаштуваннями',
  objectionOn: 'Увімкнено, якщо ви не заперечите: {list}.',
  object: 'Заперечити',
  gpc: 'Ваш браузер надсилає сигнал Global Privacy Control, тому маркетингові файли cookie залишаються вимкненими.',
} satisfies Strings;

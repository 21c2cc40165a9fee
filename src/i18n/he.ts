import type { Strings } from './index.js';

/** Hebrew (right to left; gender-neutral forms): the floating button and the first layer. */
export default {
  reopen: 'הגדרות עוגיות',
  bannerTitle: 'עוגיות באתר הזה',
  bannerText: 'אנחנו משתמשים בעוגיות שהאתר צריך כדי לפעול. בהסכמתך נשתמש גם בעוגיות אופציונליות, שאפשר לבחור אחת אחת.',
  policy: 'מדיניות הפרטיות והעוגיות',
  acceptAll: 'אישור הכול',
  rejectAll: 'דחיית הכול',
  manage: 'ניהול ההעדפות',
  objectionOn: 'פעילות, אלא אם מתנגדים: {list}.',
  object: 'התנגדות',
  gpc: 'הדפדפן שלך שולח אות Global Privacy Control, ולכן עוגיות השיווק נשארות כבויות.',
} satisfies Strings;

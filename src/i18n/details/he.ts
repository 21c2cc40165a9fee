import type { DetailStrings } from '../en-details.js';

/** Hebrew (right to left; gender-neutral forms): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'העדפות עוגיות',
  prefsText: 'אפשר לבחור באילו עוגיות נוכל להשתמש, ולשנות את הבחירה בכל עת.',
  save: 'שמירת הבחירות',
  close: 'סגירה',
  alwaysOn: 'תמיד פעילות: האתר צריך אותן כדי לפעול.',
  onByDefault: 'פעיל, אלא אם מכבים אותו.',
  details: 'שירותים ועוגיות',
  cookie: 'עוגייה',
  provider: 'ספק',
  purpose: 'מטרה',
  duration: 'משך',
  providerPolicy: 'מדיניות הפרטיות של {name}',
  consentId: 'מזהה ההסכמה שלך:',
  noneYet: 'עדיין אין',
  saved: 'ההעדפות נשמרו',
  gpcPrefs: 'הדפדפן שלך שולח אות Global Privacy Control, ולכן השיווק כבוי, אלא אם מפעילים אותו כאן.',
  gpcPrefsLocked: 'הדפדפן שלך שולח אות Global Privacy Control, ולכן השיווק נשאר כבוי באתר הזה.',
  blocked: 'התוכן של {service} חסום עד לאישור „{category}”.',
  sets: 'יישמרו העוגיות האלה: {cookies}.',
  allowCategory: 'אישור „{category}”',
  allowService: 'אישור התוכן הזה של {service} בלבד',
} satisfies DetailStrings;

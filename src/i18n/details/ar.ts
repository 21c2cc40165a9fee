import type { DetailStrings } from '../en-details.js';

/** Arabic (Modern Standard; right to left): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'تفضيلات ملفات تعريف الارتباط',
  prefsText: 'اختر ملفات تعريف الارتباط التي يمكننا استخدامها. يمكنك تغيير ذلك في أي وقت.',
  save: 'حفظ الاختيارات',
  close: 'إغلاق',
  alwaysOn: 'مفعّلة دائمًا: يحتاجها الموقع ليعمل.',
  onByDefault: 'مفعّل ما لم توقفه.',
  details: 'الخدمات وملفات تعريف الارتباط',
  cookie: 'ملف تعريف الارتباط',
  provider: 'المزوّد',
  purpose: 'الغرض',
  duration: 'المدة',
  providerPolicy: 'سياسة الخصوصية لدى {name}',
  consentId: 'معرّف موافقتك:',
  noneYet: 'لا يوجد بعد',
  saved: 'تم حفظ التفضيلات',
  gpcPrefs: 'يرسل متصفحك إشارة Global Privacy Control، لذا يبقى التسويق معطّلًا ما لم تفعّله هنا.',
  gpcPrefsLocked: 'يرسل متصفحك إشارة Global Privacy Control، لذا يبقى التسويق معطّلًا على هذا الموقع.',
  blocked: 'المحتوى من {service} محظور إلى أن تسمح بفئة «{category}».',
  sets: 'سيضع ملفات تعريف الارتباط التالية: {cookies}.',
  allowCategory: 'السماح بـ«{category}»',
  allowService: 'السماح بهذا المحتوى من {service} فقط',
} satisfies DetailStrings;

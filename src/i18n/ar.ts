import type { Strings } from './index.js';

/** Arabic (Modern Standard; right to left): the floating button and the first layer. */
export default {
  reopen: 'إعدادات ملفات تعريف الارتباط',
  bannerTitle: 'ملفات تعريف الارتباط على هذا الموقع',
  bannerText: 'نستخدم ملفات تعريف الارتباط التي يحتاجها الموقع ليعمل. وبموافقتك، سنستخدم أيضًا ملفات تعريف ارتباط اختيارية يمكنك اختيارها واحدًا تلو الآخر.',
  policy: 'سياسة الخصوصية وملفات تعريف الارتباط',
  acceptAll: 'قبول الكل',
  rejectAll: 'رفض الكل',
  manage: 'إدارة التفضيلات',
  objectionOn: 'مفعّلة ما لم تعترض: {list}.',
  object: 'اعتراض',
  gpc: 'يرسل متصفحك إشارة Global Privacy Control، لذا تبقى ملفات تعريف الارتباط التسويقية معطّلة.',
} satisfies Strings;

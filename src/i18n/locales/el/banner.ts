import type { BannerStrings } from '../types.js';

/** Greek: the first layer and the floating button. */
export default {
  bannerTitle: 'Cookies σε αυτόν τον ιστότοπο',
  bannerText: 'Χρησιμοποιούμε τα cookies που χρειάζεται ο ιστότοπος για να λειτουργεί. Με τη συγκατάθεσή σας θα χρησιμοποιούσαμε και προαιρετικά cookies, τα οποία μπορείτε να επιλέξετε ένα ένα.',
  policy: 'Πολιτική απορρήτου και cookies',
  acceptAll: 'Αποδοχή όλων',
  rejectAll: 'Απόρριψη όλων',
  manage: 'Διαχείριση προτιμήσεων',
  objectionOn: 'Ενεργά, εκτός αν αντιταχθείτε: {list}.',
  object: 'Αντιτίθεμαι',
  gpc: 'Το πρόγραμμα περιήγησής σας στέλνει σήμα Global Privacy Control, επομένως τα cookies εμπορικής προώθησης μένουν απενεργοποιημένα.',
  reopen: 'Ρυθμίσεις cookies',
} satisfies BannerStrings;

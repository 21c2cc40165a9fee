import type { Strings } from './index.js';

/** Greek: the floating button and the first layer. */
export default {
  reopen: 'Ρυθμίσεις cookies',
  bannerTitle: 'Cookies σε αυτόν τον ιστότοπο',
  bannerText: 'Χρησιμοποιούμε τα cookies που χρειάζεται ο ιστότοπος για να λειτουργεί. Με τη συγκατάθεσή σας θα χρησιμοποιούσαμε και προαιρετικά cookies, τα οποία μπορείτε να επιλέξετε ένα ένα.',
  policy: 'Πολιτική απορρήτου και cookies',
  acceptAll: 'Αποδοχή όλων',
  rejectAll: 'Απόρριψη όλων',
  manage: 'Διαχείριση προτιμήσεων',
  objectionOn: 'Ενεργά, εκτός αν αντιταχθείτε: {list}.',
  object: 'Αντιτίθεμαι',
  gpc: 'Το πρόγραμμα περιήγησής σας στέλνει σήμα Global Privacy Control, επομένως τα cookies εμπορικής προώθησης μένουν απενεργοποιημένα.',
} satisfies Strings;

import type { DetailStrings } from '../en-details.js';

/** Greek: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Προτιμήσεις cookies',
  prefsText: 'Επιλέξτε ποια cookies μπορούμε να χρησιμοποιούμε. Μπορείτε να το αλλάξετε οποιαδήποτε στιγμή.',
  save: 'Αποθήκευση επιλογών',
  close: 'Κλείσιμο',
  alwaysOn: 'Πάντα ενεργά: ο ιστότοπος τα χρειάζεται για να λειτουργεί.',
  onByDefault: 'Ενεργό, εκτός αν το απενεργοποιήσετε.',
  details: 'Υπηρεσίες και cookies',
  cookie: 'Cookie',
  provider: 'Πάροχος',
  purpose: 'Σκοπός',
  duration: 'Διάρκεια',
  providerPolicy: 'Πολιτική απορρήτου: {name}',
  consentId: 'Το αναγνωριστικό συγκατάθεσής σας:',
  noneYet: 'κανένα ακόμη',
  saved: 'Οι προτιμήσεις αποθηκεύτηκαν',
  gpcPrefs: 'Το πρόγραμμα περιήγησής σας στέλνει σήμα Global Privacy Control, επομένως η εμπορική προώθηση μένει απενεργοποιημένη, εκτός αν την ενεργοποιήσετε εδώ.',
  gpcPrefsLocked: 'Το πρόγραμμα περιήγησής σας στέλνει σήμα Global Privacy Control, επομένως η εμπορική προώθηση μένει απενεργοποιημένη σε αυτόν τον ιστότοπο.',
  blocked: 'Το περιεχόμενο {service} είναι αποκλεισμένο μέχρι να επιτρέψετε την κατηγορία «{category}».',
  sets: 'Θα αποθήκευε αυτά τα cookies: {cookies}.',
  allowCategory: 'Αποδοχή «{category}»',
  allowService: 'Αποδοχή μόνο αυτού του περιεχομένου {service}',
} satisfies DetailStrings;

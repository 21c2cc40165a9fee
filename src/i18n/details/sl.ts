import type { DetailStrings } from '../en-details.js';

/** Slovenian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Nastavitve piškotkov',
  prefsText: 'Izberite, katere piškotke smemo uporabljati. To lahko kadar koli spremenite.',
  save: 'Shrani izbiro',
  close: 'Zapri',
  alwaysOn: 'Vedno vklopljeno: spletno mesto jih potrebuje za delovanje.',
  onByDefault: 'Vklopljeno, razen če izklopite.',
  details: 'Storitve in piškotki',
  cookie: 'Piškotek',
  provider: 'Ponudnik',
  purpose: 'Namen',
  duration: 'Trajanje',
  providerPolicy: 'Politika zasebnosti – {name}',
  consentId: 'Vaš ID privolitve:',
  noneYet: 'še ni',
  saved: 'Nastavitve shranjene',
  gpcPrefs: 'Vaš brskalnik pošilja signal Global Privacy Control, zato je trženje izklopljeno, razen če ga vklopite tukaj.',
  gpcPrefsLocked: 'Vaš brskalnik pošilja signal Global Privacy Control, zato trženje na tem spletnem mestu ostane izklopljeno.',
  blocked: 'Vsebina {service} je blokirana, dokler ne dovolite »{category}«.',
  sets: 'Shranjeni bi bili ti piškotki: {cookies}.',
  allowCategory: 'Dovoli »{category}«',
  allowService: 'Dovoli samo to vsebino {service}',
} satisfies DetailStrings;

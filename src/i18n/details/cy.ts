import type { DetailStrings } from '../en-details.js';

/** Welsh (Cymraeg): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Dewisiadau cwcis',
  prefsText: 'Dewiswch pa gwcis y cawn eu defnyddio. Gallwch newid hyn unrhyw bryd.',
  save: 'Cadw dewisiadau',
  close: 'Cau',
  alwaysOn: 'Ymlaen bob amser: mae’r wefan eu hangen i weithio.',
  onByDefault: 'Ymlaen oni bai eich bod yn ei ddiffodd.',
  details: 'Gwasanaethau a chwcis',
  cookie: 'Cwci',
  provider: 'Darparwr',
  purpose: 'Diben',
  duration: 'Hyd',
  providerPolicy: 'Polisi preifatrwydd {name}',
  consentId: 'Eich ID caniatâd:',
  noneYet: 'dim eto',
  saved: 'Dewisiadau wedi’u cadw',
  gpcPrefs: 'Mae eich porwr yn anfon signal Global Privacy Control, felly mae marchnata wedi’i ddiffodd oni bai eich bod yn ei droi ymlaen yma.',
  gpcPrefsLocked: 'Mae eich porwr yn anfon signal Global Privacy Control, felly mae marchnata yn aros wedi’i ddiffodd ar y wefan hon.',
  blocked: 'Mae {service} wedi’i rwystro nes i chi ganiatáu ‘{category}’.',
  sets: 'Byddai’n gosod y cwcis hyn: {cookies}.',
  allowCategory: 'Caniatáu ‘{category}’',
  allowService: 'Caniatáu’r cynnwys {service} hwn yn unig',
} satisfies DetailStrings;

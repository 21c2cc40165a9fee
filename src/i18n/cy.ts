import type { Strings } from './index.js';

/** Welsh (Cymraeg): the floating button and the first layer. */
export default {
  reopen: 'Gosodiadau cwcis',
  bannerTitle: 'Cwcis ar y wefan hon',
  bannerText: 'Rydym yn defnyddio cwcis sydd eu hangen ar y wefan i weithio. Gyda’ch caniatâd byddem hefyd yn defnyddio cwcis dewisol, y gallwch eu dewis fesul un.',
  policy: 'Polisi preifatrwydd a chwcis',
  acceptAll: 'Derbyn y cyfan',
  rejectAll: 'Gwrthod y cyfan',
  manage: 'Rheoli dewisiadau',
  objectionOn: 'Ymlaen oni bai eich bod yn gwrthwynebu: {list}.',
  object: 'Gwrthwynebu',
  gpc: 'Mae eich porwr yn anfon signal Global Privacy Control, felly mae cwcis marchnata yn aros wedi’u diffodd.',
} satisfies Strings;

import type { BannerStrings } from '../types.js';

/** Welsh (Cymraeg): the first layer and the floating button. */
export default {
  bannerTitle: 'Cwcis ar y wefan hon',
  bannerText: 'Rydym yn defnyddio cwcis sydd eu hangen ar y wefan i weithio. Gyda’ch caniatâd byddem hefyd yn defnyddio cwcis dewisol, y gallwch eu dewis fesul un.',
  policy: 'Polisi preifatrwydd a chwcis',
  acceptAll: 'Derbyn y cyfan',
  rejectAll: 'Gwrthod y cyfan',
  manage: 'Rheoli dewisiadau',
  objectionOn: 'Ymlaen oni bai eich bod yn gwrthwynebu: {list}.',
  object: 'Gwrthwynebu',
  gpc: 'Mae eich porwr yn anfon signal Global Privacy Control, felly mae cwcis marchnata yn aros wedi’u diffodd.',
  reopen: 'Gosodiadau cwcis',
} satisfies BannerStrings;

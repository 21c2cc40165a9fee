import type { Strings } from './index.js';

/** Finnish: the floating button and the first layer. */
export default {
  reopen: 'Evästeasetukset',
  bannerTitle: 'Evästeet tällä sivustolla',
  bannerText: 'Käytämme evästeitä, joita sivusto tarvitsee toimiakseen. Suostumuksellasi käyttäisimme myös valinnaisia evästeitä, jotka voit valita yksitellen.',
  policy: 'Tietosuoja- ja evästekäytäntö',
  acceptAll: 'Hyväksy kaikki',
  rejectAll: 'Hylkää kaikki',
  manage: 'Muokkaa valintoja',
  objectionOn: 'Käytössä, ellet vastusta: {list}.',
  object: 'Vastusta',
  gpc: 'Selaimesi lähettää Global Privacy Control\u00a0-signaalin, joten markkinointievästeet pysyvät pois käytöstä.',
} satisfies Strings;

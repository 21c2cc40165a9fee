import type { DetailStrings } from '../en-details.js';

/** Finnish: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Evästeasetukset',
  prefsText: 'Valitse, mitä evästeitä saamme käyttää. Voit muuttaa valintaa milloin tahansa.',
  save: 'Tallenna valinnat',
  close: 'Sulje',
  alwaysOn: 'Aina käytössä: sivusto tarvitsee nämä toimiakseen.',
  onByDefault: 'Käytössä, ellet poista sitä käytöstä.',
  details: 'Palvelut ja evästeet',
  cookie: 'Eväste',
  provider: 'Tarjoaja',
  purpose: 'Käyttötarkoitus',
  duration: 'Voimassaolo',
  providerPolicy: 'Tietosuojaseloste: {name}',
  consentId: 'Suostumustunnuksesi:',
  noneYet: 'ei vielä',
  saved: 'Asetukset tallennettu',
  gpcPrefs: 'Selaimesi lähettää Global Privacy Control\u00a0-signaalin, joten markkinointi on pois käytöstä, ellet ota sitä käyttöön tästä.',
  gpcPrefsLocked: 'Selaimesi lähettää Global Privacy Control\u00a0-signaalin, joten markkinointi pysyy tällä sivustolla pois käytöstä.',
  blocked: '{service} on estetty, kunnes sallit luokan ”{category}”.',
  sets: 'Se tallentaisi nämä evästeet: {cookies}.',
  allowCategory: 'Salli ”{category}”',
  allowService: 'Salli vain tämä {service}-sisältö',
} satisfies DetailStrings;

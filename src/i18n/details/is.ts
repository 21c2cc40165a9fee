import type { DetailStrings } from '../en-details.js';

/** Icelandic: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Stillingar vafrakaka',
  prefsText: 'Veldu hvaða vafrakökur við megum nota. Þú getur breytt þessu hvenær sem er.',
  save: 'Vista val',
  close: 'Loka',
  alwaysOn: 'Alltaf virkt: vefurinn þarf þessar til að virka.',
  onByDefault: 'Virkt nema þú slökkvir á því.',
  details: 'Þjónustur og vafrakökur',
  cookie: 'Vafrakaka',
  provider: 'Veitandi',
  purpose: 'Tilgangur',
  duration: 'Gildistími',
  providerPolicy: 'Persónuverndarstefna {name}',
  consentId: 'Samþykkisauðkennið þitt:',
  noneYet: 'ekkert enn',
  saved: 'Stillingar vistaðar',
  gpcPrefs: 'Vafrinn þinn sendir Global Privacy Control-merki, svo slökkt er á markaðssetningu nema þú kveikir á henni hér.',
  gpcPrefsLocked: 'Vafrinn þinn sendir Global Privacy Control-merki, svo slökkt er á markaðssetningu á þessum vef.',
  blocked: 'Lokað er fyrir {service} þar til þú leyfir „{category}“.',
  sets: 'Það myndi vista þessar vafrakökur: {cookies}.',
  allowCategory: 'Leyfa „{category}“',
  allowService: 'Leyfa aðeins þetta efni frá {service}',
} satisfies DetailStrings;

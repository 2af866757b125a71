/**
 * "Gegeven de afnemer met indicatie '000008' is geautoriseerd voor 'verblijfplaats binnenland'
 * gegevens": the scenario asks as an afnemer with only that authorisation. Haal Centraal grants
 * LO GBA rubrieken (docs/gegeven-stap-definities-autorisatie.feature); we grant fields, so each
 * named set becomes the fields its rubrieken give (the burgerservicenummer, 10120, in all).
 */
import { Given } from '@cucumber/cucumber';
import { provisionBrpAutorisaties } from '../../src/components/brp/authorisation.ts';
import { QUERY_TYPES } from '../../src/components/brp/query.ts';
import { AFNEMER, og, w } from './steps.ts';

const VELDEN: Record<string, string[]> = {
  // Rubrieken of verblijfplaats binnenland and buitenland: every verblijfplaats field.
  verblijfplaats: ['burgerservicenummer', 'verblijfplaats', 'verblijfplaatsBinnenland'],
  // 81010 ... 81210, 88510: an Adres or Locatie, nothing of a verblijfplaats buitenland.
  'verblijfplaats binnenland': ['burgerservicenummer', 'verblijfplaatsBinnenland'],
  adressering: ['burgerservicenummer', 'adressering', 'adresseringBinnenland'],
  'adressering binnenland': ['burgerservicenummer', 'adresseringBinnenland'],
};

Given(/^de afnemer met indicatie '(\d+)' is geautoriseerd voor '([^']*)' gegevens$/, async (_indicatie: string, naam: string) => {
  const fields = VELDEN[naam];
  if (!fields) throw new Error(`Onbekende autorisatie '${naam}'`);
  await provisionBrpAutorisaties(og.database.db, [{ clientId: AFNEMER.clientId, queryTypes: [...QUERY_TYPES], fields }]);
  w.client = AFNEMER;
});

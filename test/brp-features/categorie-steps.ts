/**
 * Steps for the verblijfstitel and RNI features, and
 * the landelijke tabellen (../shared/standards/brp/features/docs/gegeven-stap-definities-*).
 * The world and the helpers are those of steps.ts.
 */
import { Given, Then, type DataTable } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { GEZAGSVERHOUDINGEN_TABEL, NATIONALITEITEN_TABEL, REDEN_NATIONALITEIT_TABEL, RNI_DEELNEMERS_TABEL, VERBLIJFSTITELS_TABEL } from '../../src/components/brp/tabellen.ts';
import { categorie, expected, object, persoon, persoonMetBsn, rows, setGegevens, w } from './steps.ts';

// "heeft een 'verblijfstitel' verkregen met de volgende gegevens": the (single) verblijfstitel.
Given(/^(?:de persoon met burgerservicenummer '(\d{9})'|de persoon) heeft een '([^']*)' verkregen met de volgende gegevens$/, (bsn: string | undefined, naam: string, table: DataTable) =>
  setGegevens(bsn ? persoonMetBsn(bsn) : persoon(w.last!), table, categorie(naam)),
);

// The landelijke tabellen are built in (tabellen/): the step checks that ours holds the feature's values.
const TABELLEN: Record<string, Record<string, string>> = {
  Verblijfstitel: VERBLIJFSTITELS_TABEL,
  'RNI-deelnemerstabel': RNI_DEELNEMERS_TABEL,
  Nationaliteiten: NATIONALITEITEN_TABEL,
  Reden_Nationaliteit: REDEN_NATIONALITEIT_TABEL,
  Gezagsverhouding: GEZAGSVERHOUDINGEN_TABEL,
};
Given(/^landelijke tabel "(Verblijfstitel|RNI-deelnemerstabel|Nationaliteiten|Reden_Nationaliteit|Gezagsverhouding)" heeft de volgende waarden$/, (naam: string, table: DataTable) => {
  for (const { code, omschrijving } of rows(table)) assert.equal(TABELLEN[naam]![code!], omschrijving, `${naam} ${code}`);
});

const LIJST: Record<string, string> = { nationaliteit: 'nationaliteiten', partner: 'partners', kind: 'kinderen', ouder: 'ouders' };
Then(/^heeft de persoon nog een '([^']*)' met (?:alleen )?de volgende gegevens$/, (veld: string, table: DataTable) => {
  (expected()[LIJST[veld] ?? veld] ??= []).push(object(table));
});


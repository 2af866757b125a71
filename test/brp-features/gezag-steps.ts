/**
 * Gezag steps: "voor de persoon met burgerservicenummer '…' gelden de volgende gezagsrelaties"
 * provisions the gezagsrelaties (what Haal Centraal's gezag determination would give) into the
 * gezagsrelatie store at the request, checked by the same checkGezagsrelatie as the import;
 * "heeft 'gezag' een 'ouder'" describes the ouders of the last gezag relation.
 */
import { Given, Then, type DataTable } from '@cucumber/cucumber';
import { checkGezagsrelatie } from '../../src/components/brp/gezag.ts';
import { expected, object, persoonMetBsn, rows, w } from './steps.ts';

Given(/^voor de persoon met burgerservicenummer '(\d{9})' gelden de volgende gezagsrelaties$/, (bsn: string, table: DataTable) => {
  persoonMetBsn(bsn);
  for (const row of rows(table)) w.gezagsrelaties.push(checkGezagsrelatie(row));
});

Then(/^heeft (?:het )?'gezag' (?:nog )?een 'ouder' met de volgende gegevens$/, (table: DataTable) => {
  const relatie = (expected().gezag as Record<string, any>[] | undefined)?.at(-1);
  if (!relatie) throw new Error("Geen 'gezag' om een 'ouder' aan te geven");
  (relatie.ouders ??= []).push(object(table));
});

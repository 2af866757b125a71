/**
 * RNI-deelnemers (88.10 deelnemer, tabel 60; 88.20 omschrijving verdrag): which RNI participant
 * supplied the data of category 01 Persoon, 04 Nationaliteit, 06 Overlijden or 08
 * Verblijfplaats. Delivered automatically, but only for the categories the asked fields come from.
 */
import { actueel, actueelEen, type Persoonslijst, type Voorkomen } from './gba/persoonslijst.ts';
import { isActueleNationaliteit } from './nationaliteit.ts';
import { RNI_DEELNEMERS_TABEL } from './tabellen.ts';
import { waarde } from './tables.ts';

type Json = Record<string, unknown>;

const CATEGORIEEN: [string, string][] = [['01', 'Persoon'], ['04', 'Nationaliteit'], ['06', 'Overlijden'], ['08', 'Verblijfplaats']];

function deelnemer(v: Voorkomen, categorie: string): Json | undefined {
  if (!v['88.10']) return undefined;
  const out: Json = { deelnemer: waarde(RNI_DEELNEMERS_TABEL, v['88.10'].padStart(4, '0')), omschrijvingVerdrag: v['88.20'], categorie };
  if (out.omschrijvingVerdrag === undefined) delete out.omschrijvingVerdrag;
  return out;
}

export function rniDeelnemers(pl: Persoonslijst): Json[] {
  return CATEGORIEEN.flatMap(([code, naam]) => {
    const voorkomens = code === '04' ? actueel(pl, code).filter(isActueleNationaliteit) : [actueelEen(pl, code)].filter((v): v is Voorkomen => v !== undefined);
    return voorkomens.map((v) => deelnemer(v, naam)).filter((d): d is Json => d !== undefined);
  });
}

/** The category (as `rni.categorie` names it) an asked field path comes from. */
function categorieVan(path: string): string[] {
  const [top, sub] = path.split('.');
  switch (top) {
    case 'aNummer': case 'burgerservicenummer': case 'geslacht': case 'naam': case 'geboorte': case 'leeftijd':
      return ['Persoon'];
    case 'nationaliteiten':
      return ['Nationaliteit'];
    case 'overlijden':
      return ['Overlijden'];
    case 'verblijfplaats': case 'verblijfplaatsBinnenland': case 'gemeenteVanInschrijving': case 'datumInschrijvingInGemeente': case 'immigratie':
      return ['Verblijfplaats'];
    case 'adresseringBinnenland':
      return ['Verblijfplaats'];
    case 'adressering':
      // The adresregels come from the verblijfplaats, the aanhef and aanschrijfwijze from the name.
      if (sub === undefined) return ['Persoon', 'Verblijfplaats'];
      return /^(adresregel|land|indicatieVastgesteld)/.test(sub) ? ['Verblijfplaats'] : ['Persoon'];
    default:
      return [];
  }
}

/** The rni entries for the categories of the asked fields. */
export function rniVoorVelden(rni: Json[] | undefined, paths: string[]): Json[] | undefined {
  if (!rni) return undefined;
  const categorieen = new Set(paths.flatMap(categorieVan));
  const out = rni.filter((r) => categorieen.has(r.categorie as string));
  return out.length ? out : undefined;
}

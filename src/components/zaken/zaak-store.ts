/**
 * The zaak table: writing a zaak from its API attributes, reading it back as the API shows it
 * (with the URLs of its deelzaken, eigenschappen, rollen, status, zaakinformatieobjecten,
 * zaakobjecten and resultaat, read per page in one query per table), and the list query.
 */
import type { Db, Tx } from '../../platform/db/database.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';
import { vertrouwelijkheidRank } from '../../platform/auth/authorization.ts';
import { shownUrl, storedUrl } from './urls.ts';
import { zaakUrl } from './zaak-access.ts';

/** The stored form of a zaak: one row of `zaken.zaak`. */
export interface ZaakRow {
  id: number;
  uuid: string;
  identificatie: string;
  bronorganisatie: string;
  omschrijving: string;
  toelichting: string;
  zaaktype: string;
  registratiedatum: string;
  verantwoordelijke_organisatie: string;
  startdatum: string;
  einddatum: string | null;
  einddatum_gepland: string | null;
  uiterlijke_einddatum_afdoening: string | null;
  publicatiedatum: string | null;
  communicatiekanaal: string;
  producten_of_diensten: string[];
  vertrouwelijkheid_rank: number;
  betalingsindicatie: string;
  laatste_betaaldatum: Date | string | null;
  zaakgeometrie: Record<string, unknown> | null;
  verlenging_reden: string | null;
  verlenging_duur: string | null;
  opschorting_indicatie: boolean;
  opschorting_reden: string;
  selectielijstklasse: string;
  hoofdzaak_id: number | null;
  relevante_andere_zaken: { url: string; aardRelatie: string }[];
  kenmerken: { kenmerk: string; bron: string }[];
  archiefnominatie: string | null;
  archiefstatus: string;
  archiefactiedatum: string | null;
  opdrachtgevende_organisatie: string;
  processobjectaard: string | null;
  startdatum_bewaartermijn: string | null;
  processobject: Record<string, string> | null;
}

/**
 * The columns of {@link ZaakRow}, qualified by the table alias `zaak`: every column but the
 * ones generated for the `zaakgeometrie` search (its shape and bounding box), which only the
 * database reads.
 */
export const ZAAK_COLUMNS = ([
  'id', 'uuid', 'identificatie', 'bronorganisatie', 'omschrijving', 'toelichting', 'zaaktype', 'registratiedatum', 'verantwoordelijke_organisatie',
  'startdatum', 'einddatum', 'einddatum_gepland', 'uiterlijke_einddatum_afdoening', 'publicatiedatum', 'communicatiekanaal', 'producten_of_diensten',
  'vertrouwelijkheid_rank', 'betalingsindicatie', 'laatste_betaaldatum', 'zaakgeometrie', 'verlenging_reden', 'verlenging_duur', 'opschorting_indicatie',
  'opschorting_reden', 'selectielijstklasse', 'hoofdzaak_id', 'relevante_andere_zaken', 'kenmerken', 'archiefnominatie', 'archiefstatus',
  'archiefactiedatum', 'opdrachtgevende_organisatie', 'processobjectaard', 'startdatum_bewaartermijn', 'processobject',
] satisfies (keyof ZaakRow)[]).map((column) => `zaak.${column}`) as `zaak.${keyof ZaakRow}`[];

/** The writable attributes of a zaak, as the API names them (a complete set: defaults filled in). */
export interface ZaakFields {
  identificatie: string;
  bronorganisatie: string;
  omschrijving: string;
  toelichting: string;
  zaaktype: string;
  registratiedatum: string;
  verantwoordelijkeOrganisatie: string;
  startdatum: string;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string | null;
  publicatiedatum: string | null;
  communicatiekanaal: string;
  productenOfDiensten: string[];
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  betalingsindicatie: string;
  laatsteBetaaldatum: string | null;
  zaakgeometrie: Record<string, unknown> | null;
  verlenging: { reden: string; duur: string } | null;
  opschorting: { indicatie: boolean; reden: string } | null;
  selectielijstklasse: string;
  /** The hoofdzaak's id (this API's own zaak), or null. */
  hoofdzaakId: number | null;
  relevanteAndereZaken: { url: string; aardRelatie: string }[];
  kenmerken: { kenmerk: string; bron: string }[];
  archiefnominatie: string | null;
  archiefstatus: string;
  archiefactiedatum: string | null;
  opdrachtgevendeOrganisatie: string;
  processobjectaard: string | null;
  startdatumBewaartermijn: string | null;
  processobject: Record<string, string> | null;
}

/** The row values for `fields`; URLs on this instance's host are stored as paths. */
function toColumns(fields: ZaakFields, apiRoot: string) {
  return {
    identificatie: fields.identificatie,
    bronorganisatie: fields.bronorganisatie,
    omschrijving: fields.omschrijving,
    toelichting: fields.toelichting,
    zaaktype: storedUrl(fields.zaaktype, apiRoot),
    registratiedatum: fields.registratiedatum,
    verantwoordelijke_organisatie: fields.verantwoordelijkeOrganisatie,
    startdatum: fields.startdatum,
    einddatum_gepland: fields.einddatumGepland,
    uiterlijke_einddatum_afdoening: fields.uiterlijkeEinddatumAfdoening,
    publicatiedatum: fields.publicatiedatum,
    communicatiekanaal: fields.communicatiekanaal && storedUrl(fields.communicatiekanaal, apiRoot),
    producten_of_diensten: JSON.stringify(fields.productenOfDiensten),
    vertrouwelijkheid_rank: vertrouwelijkheidRank(fields.vertrouwelijkheidaanduiding),
    betalingsindicatie: fields.betalingsindicatie,
    laatste_betaaldatum: fields.laatsteBetaaldatum,
    zaakgeometrie: fields.zaakgeometrie === null ? null : JSON.stringify(fields.zaakgeometrie),
    verlenging_reden: fields.verlenging?.reden ?? null,
    verlenging_duur: fields.verlenging?.duur ?? null,
    opschorting_indicatie: fields.opschorting?.indicatie ?? false,
    opschorting_reden: fields.opschorting?.reden ?? '',
    selectielijstklasse: fields.selectielijstklasse && storedUrl(fields.selectielijstklasse, apiRoot),
    hoofdzaak_id: fields.hoofdzaakId,
    relevante_andere_zaken: JSON.stringify(fields.relevanteAndereZaken.map((r) => ({ url: storedUrl(r.url, apiRoot), aardRelatie: r.aardRelatie }))),
    kenmerken: JSON.stringify(fields.kenmerken),
    archiefnominatie: fields.archiefnominatie,
    archiefstatus: fields.archiefstatus,
    archiefactiedatum: fields.archiefactiedatum,
    opdrachtgevende_organisatie: fields.opdrachtgevendeOrganisatie,
    processobjectaard: fields.processobjectaard,
    startdatum_bewaartermijn: fields.startdatumBewaartermijn,
    processobject: fields.processobject === null ? null : JSON.stringify(fields.processobject),
  };
}

export async function insertZaak(tx: Tx, uuid: string, fields: ZaakFields, apiRoot: string): Promise<number> {
  const row = await tx.insertInto('zaken.zaak').values({ uuid, ...toColumns(fields, apiRoot) }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateZaak(tx: Tx, id: number, fields: ZaakFields, apiRoot: string): Promise<void> {
  await tx.updateTable('zaken.zaak').set(toColumns(fields, apiRoot)).where('id', '=', id).execute();
}

export async function deleteZaak(tx: Tx, id: number): Promise<void> {
  await tx.deleteFrom('zaken.zaak').where('id', '=', id).execute();
}

export async function findZaakRow(db: Db | Tx, uuid: string): Promise<ZaakRow | undefined> {
  return (await db.selectFrom('zaken.zaak as zaak').select(ZAAK_COLUMNS).where('zaak.uuid', '=', uuid).executeTakeFirst()) as ZaakRow | undefined;
}

/** The writable attributes of a stored zaak, as {@link ZaakFields} (URLs on the request's host). */
export function fieldsOf(row: ZaakRow, apiRoot: string): ZaakFields {
  return {
    identificatie: row.identificatie,
    bronorganisatie: row.bronorganisatie,
    omschrijving: row.omschrijving,
    toelichting: row.toelichting,
    zaaktype: shownUrl(row.zaaktype, apiRoot),
    registratiedatum: row.registratiedatum,
    verantwoordelijkeOrganisatie: row.verantwoordelijke_organisatie,
    startdatum: row.startdatum,
    einddatumGepland: row.einddatum_gepland,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    publicatiedatum: row.publicatiedatum,
    communicatiekanaal: row.communicatiekanaal && shownUrl(row.communicatiekanaal, apiRoot),
    productenOfDiensten: row.producten_of_diensten,
    vertrouwelijkheidaanduiding: VERTROUWELIJKHEIDAANDUIDINGEN[row.vertrouwelijkheid_rank]!,
    betalingsindicatie: row.betalingsindicatie,
    laatsteBetaaldatum: row.laatste_betaaldatum === null ? null : new Date(row.laatste_betaaldatum).toISOString(),
    zaakgeometrie: row.zaakgeometrie,
    verlenging: row.verlenging_reden !== null && row.verlenging_duur !== null ? { reden: row.verlenging_reden, duur: row.verlenging_duur } : null,
    opschorting: { indicatie: row.opschorting_indicatie, reden: row.opschorting_reden },
    selectielijstklasse: row.selectielijstklasse && shownUrl(row.selectielijstklasse, apiRoot),
    hoofdzaakId: row.hoofdzaak_id === null ? null : Number(row.hoofdzaak_id),
    relevanteAndereZaken: row.relevante_andere_zaken.map((r) => ({ url: shownUrl(r.url, apiRoot), aardRelatie: r.aardRelatie })),
    kenmerken: row.kenmerken,
    archiefnominatie: row.archiefnominatie,
    archiefstatus: row.archiefstatus,
    archiefactiedatum: row.archiefactiedatum,
    opdrachtgevendeOrganisatie: row.opdrachtgevende_organisatie,
    processobjectaard: row.processobjectaard,
    startdatumBewaartermijn: row.startdatum_bewaartermijn,
    processobject: row.processobject,
  };
}

const BETALINGSINDICATIE_WEERGAVE: Record<string, string> = {
  '': '',
  nvt: 'Er is geen sprake van te betalen, met de zaak gemoeide, kosten.',
  nog_niet: 'De met de zaak gemoeide kosten zijn (nog) niet betaald.',
  gedeeltelijk: 'De met de zaak gemoeide kosten zijn gedeeltelijk betaald.',
  geheel: 'De met de zaak gemoeide kosten zijn geheel betaald.',
};

/** The URLs of what belongs to each zaak of a page, by zaak id. */
interface Related {
  hoofdzaak: Map<number, string>;
  deelzaken: Map<number, string[]>;
  eigenschappen: Map<number, string[]>;
  rollen: Map<number, string[]>;
  status: Map<number, string>;
  zaakinformatieobjecten: Map<number, string[]>;
  zaakobjecten: Map<number, string[]>;
  resultaat: Map<number, string>;
}

async function related(db: Db | Tx, rows: ZaakRow[]): Promise<Related> {
  const ids = rows.map((r) => Number(r.id));
  const hoofdzaakIds = [...new Set(rows.flatMap((r) => (r.hoofdzaak_id === null ? [] : [Number(r.hoofdzaak_id)])))];
  const uuidsBy = async (table: string, column = 'zaak_id') =>
    ids.length === 0 ? [] : ((await db.selectFrom(table).select([`${column} as zaak_id`, 'uuid']).where(column, 'in', ids).orderBy('id').execute()) as { zaak_id: number; uuid: string }[]);
  const [hoofdzaken, deelzaken, eigenschappen, rollen, zios, zaakobjecten, resultaten, statussen] = await Promise.all([
    hoofdzaakIds.length ? db.selectFrom('zaken.zaak').select(['id', 'uuid']).where('id', 'in', hoofdzaakIds).execute() : [],
    uuidsBy('zaken.zaak', 'hoofdzaak_id'),
    uuidsBy('zaken.zaakeigenschap'),
    uuidsBy('zaken.rol'),
    uuidsBy('zaken.zaakinformatieobject'),
    uuidsBy('zaken.zaakobject'),
    uuidsBy('zaken.resultaat'),
    // The current status: the one set last.
    ids.length === 0
      ? []
      : db.selectFrom('zaken.status').distinctOn('zaak_id').select(['zaak_id', 'uuid']).where('zaak_id', 'in', ids).orderBy('zaak_id').orderBy('datum_status_gezet', 'desc').orderBy('id', 'desc').execute(),
  ]);
  const group = (list: { zaak_id: number; uuid: string }[]) => {
    const map = new Map<number, string[]>();
    for (const { zaak_id, uuid } of list) map.set(Number(zaak_id), [...(map.get(Number(zaak_id)) ?? []), uuid]);
    return map;
  };
  const single = (list: { zaak_id: number; uuid: string }[]) => new Map(list.map((r) => [Number(r.zaak_id), r.uuid]));
  return {
    hoofdzaak: new Map((hoofdzaken as { id: number; uuid: string }[]).map((r) => [Number(r.id), r.uuid])),
    deelzaken: group(deelzaken),
    eigenschappen: group(eigenschappen),
    rollen: group(rollen),
    status: single(statussen as { zaak_id: number; uuid: string }[]),
    zaakinformatieobjecten: group(zios),
    zaakobjecten: group(zaakobjecten),
    resultaat: single(resultaten),
  };
}

/** Zaken as the API shows them, in the order given. */
export async function zakenToApi(db: Db | Tx, rows: ZaakRow[], apiRoot: string): Promise<Record<string, unknown>[]> {
  const rel = await related(db, rows);
  return rows.map((row) => {
    const id = Number(row.id);
    const f = fieldsOf(row, apiRoot);
    const url = (collection: string) => (uuid: string) => `${apiRoot}/${collection}/${uuid}`;
    const status = rel.status.get(id);
    const resultaat = rel.resultaat.get(id);
    const hoofdzaak = f.hoofdzaakId === null ? undefined : rel.hoofdzaak.get(f.hoofdzaakId);
    return {
      url: zaakUrl(apiRoot, row.uuid),
      uuid: row.uuid,
      identificatie: f.identificatie,
      bronorganisatie: f.bronorganisatie,
      omschrijving: f.omschrijving,
      toelichting: f.toelichting,
      zaaktype: f.zaaktype,
      registratiedatum: f.registratiedatum,
      verantwoordelijkeOrganisatie: f.verantwoordelijkeOrganisatie,
      startdatum: f.startdatum,
      einddatum: row.einddatum,
      einddatumGepland: f.einddatumGepland,
      uiterlijkeEinddatumAfdoening: f.uiterlijkeEinddatumAfdoening,
      publicatiedatum: f.publicatiedatum,
      communicatiekanaal: f.communicatiekanaal,
      productenOfDiensten: f.productenOfDiensten,
      vertrouwelijkheidaanduiding: f.vertrouwelijkheidaanduiding,
      betalingsindicatie: f.betalingsindicatie,
      betalingsindicatieWeergave: BETALINGSINDICATIE_WEERGAVE[f.betalingsindicatie] ?? '',
      laatsteBetaaldatum: f.laatsteBetaaldatum,
      zaakgeometrie: f.zaakgeometrie,
      verlenging: f.verlenging,
      opschorting: f.opschorting,
      selectielijstklasse: f.selectielijstklasse,
      hoofdzaak: hoofdzaak ? zaakUrl(apiRoot, hoofdzaak) : null,
      deelzaken: (rel.deelzaken.get(id) ?? []).map((uuid) => zaakUrl(apiRoot, uuid)),
      relevanteAndereZaken: f.relevanteAndereZaken,
      eigenschappen: (rel.eigenschappen.get(id) ?? []).map((uuid) => `${apiRoot}/zaken/${row.uuid}/zaakeigenschappen/${uuid}`),
      rollen: (rel.rollen.get(id) ?? []).map(url('rollen')),
      status: status ? url('statussen')(status) : null,
      zaakinformatieobjecten: (rel.zaakinformatieobjecten.get(id) ?? []).map(url('zaakinformatieobjecten')),
      zaakobjecten: (rel.zaakobjecten.get(id) ?? []).map(url('zaakobjecten')),
      kenmerken: f.kenmerken,
      archiefnominatie: f.archiefnominatie,
      archiefstatus: f.archiefstatus,
      archiefactiedatum: f.archiefactiedatum,
      resultaat: resultaat ? url('resultaten')(resultaat) : null,
      opdrachtgevendeOrganisatie: f.opdrachtgevendeOrganisatie,
      processobjectaard: f.processobjectaard,
      startdatumBewaartermijn: f.startdatumBewaartermijn,
      processobject: f.processobject,
    };
  });
}

export async function zaakToApi(db: Db | Tx, row: ZaakRow, apiRoot: string): Promise<Record<string, unknown>> {
  return (await zakenToApi(db, [row], apiRoot))[0]!;
}

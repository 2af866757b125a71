/**
 * Informatieobjecttypen, besluittypen and zaaktypen: what is particular to each (attributes, relations,
 * derived lists, expand); the shared behaviour is in `versioned.ts`.
 */
import type { Database, Db, Tx } from '../../platform/db/database.ts';
import type { InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import type { Operation } from '../../platform/http/api.ts';
import type { ReferenceResolver } from '../../platform/references/resolver.ts';
import { checkSelectielijstProcestype, keptReference, resolveSelectielijst, shownReference, type Selectielijstklasse } from './selectielijst.ts';
import {
  BesluitType,
  BesluitTypeCreate,
  BesluitTypeExpanded,
  BesluitTypePostResponse,
  BesluitTypeUpdate,
  InformatieObjectType,
  InformatieObjectTypeExpanded,
  Eigenschap,
  EigenschapExpanded,
  PatchedEigenschap,
  PatchedRolType,
  PatchedStatusType,
  PatchedZaakTypeInformatieObjectType,
  PatchedZaakObjectType,
  PatchedResultaatType,
  ResultaatType,
  ResultaatTypeCreate,
  ResultaatTypeExpanded,
  ResultaatTypeUpdate,
  ZaakObjectType,
  ZaakObjectTypeExpanded,
  ZaakTypeInformatieObjectType,
  ZaakTypeInformatieObjectTypeExpanded,
  RolType,
  RolTypeExpanded,
  StatusType,
  StatusTypeExpanded,
  ZaakType,
  ZaakTypeCreate,
  ZaakTypeExpanded,
  ZaakTypeUpdate,
} from './schemas.ts';
import * as repository from './repository.ts';
import { checkBrondatum, checkSpecificatie, conceptRelation, nonConceptRelation, procestypeMismatch, relationErrors, volgnummerTaken, type Brondatum } from './rules.ts';
import { partOperations } from './parts.ts';
import { catalogusToApi, ownUuid, urls, type Actie } from './routes.ts';
import { UNSPECIFIED_BODY, UNSPECIFIED_RESPONSE, versionedOperations } from './versioned.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The writable attributes `defaults` names: from the body, else the current version, else the default. */
const pick = (body: Record<string, unknown>, current: Record<string, unknown> | undefined, defaults: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(defaults).map(([key, fallback]) => [key, body[key] !== undefined ? body[key] : current && key in current ? current[key] : fallback]));

/** Whether one of `keys` names a published type (a version with concept false) in the catalogus. */
async function namesPublished(db: Db | Tx, table: repository.VersionedTable, catalogus: string, keys: string[]): Promise<boolean> {
  return [...(await repository.publishedByKey(db, table, catalogus, keys)).values()].some(Boolean);
}

/** The versions whose relations count for `actie`: what is made, what is changed (before and after), what is deleted. */
const versionsFor = (actie: Actie, next: repository.VersionRecord, current: repository.VersionRecord | undefined) =>
  actie === 'create' ? [next] : actie === 'destroy' ? [current!] : [current!, next];

// ---------------------------------------------------------------------------------------------
// informatieobjecttypen

/** What is enforced: the suite and reference implementation create without a categorie; zaaktypeIdentificaties is derived. */
const InformatieObjectTypeRequest = Type.Object({
  ...InformatieObjectType.properties,
  informatieobjectcategorie: Type.Optional(InformatieObjectType.properties.informatieobjectcategorie),
  zaaktypeIdentificaties: Type.Optional(InformatieObjectType.properties.zaaktypeIdentificaties),
});

async function informatieobjecttypeToApi(db: Db | Tx, v: repository.VersionRecord, apiRoot: string, date: string): Promise<Record<string, unknown>> {
  const u = urls(apiRoot);
  const [besluittypen, zaaktypen] = await Promise.all([
    repository.versionsReferring(db, 'besluittype', 'informatieobjecttypen', v.catalogus, v.key, { date }),
    zaaktypenUsing(db, v),
  ]);
  const geldig = zaaktypen.filter((z) => !z.concept && z.beginGeldigheid <= date && (z.eindeGeldigheid === null || z.eindeGeldigheid >= date));
  return {
    url: u.informatieobjecttype(v.uuid),
    catalogus: u.catalogus(v.catalogus),
    omschrijving: v.key,
    vertrouwelijkheidaanduiding: v.data.vertrouwelijkheidaanduiding,
    beginGeldigheid: v.beginGeldigheid,
    eindeGeldigheid: v.eindeGeldigheid,
    beginObject: v.data.beginObject ?? null,
    eindeObject: v.data.eindeObject ?? null,
    concept: v.concept,
    zaaktypen: geldig.map((z) => u.zaaktype(z.uuid)),
    zaaktypeIdentificaties: [...new Set(zaaktypen.map((z) => z.key))],
    besluittypen: besluittypen.map((b) => u.besluittype(b.uuid)),
    besluittypeOmschrijving: [...new Set(besluittypen.map((b) => b.key))],
    informatieobjectcategorie: v.data.informatieobjectcategorie ?? '',
    trefwoord: v.data.trefwoord ?? [],
    ...(v.data.omschrijvingGeneriek ? { omschrijvingGeneriek: v.data.omschrijvingGeneriek } : {}),
  };
}

/** The zaaktype versions with a zaaktype-informatieobjecttype naming this informatieobjecttype's omschrijving. */
async function zaaktypenUsing(db: Db | Tx, v: repository.VersionRecord): Promise<repository.VersionRecord[]> {
  const ziots = await repository.partsWith(db, 'zaaktypeinformatieobjecttype', v.catalogus, 'informatieobjecttype', v.key);
  const found = await Promise.all([...new Set(ziots.map((z) => z.zaaktype))].map((uuid) => repository.findVersion(db, 'zaaktype', uuid)));
  return found.filter((z) => z !== undefined);
}

async function catalogusExpanded(db: Db, catalogus: string, apiRoot: string) {
  const view = await repository.findCatalogus(db, catalogus);
  return view ? catalogusToApi(view, apiRoot) : {};
}

export function informatieobjecttypeOperations(database: Database): Operation[] {
  return versionedOperations(database, {
    table: 'informatieobjecttype',
    collection: 'informatieobjecttypen',
    resource: 'informatieobjecttype',
    soort: 'informatieobjecttype',
    keyField: 'omschrijving',
    data: (body, current) => pick(body, current, { vertrouwelijkheidaanduiding: undefined, informatieobjectcategorie: '', trefwoord: [], omschrijvingGeneriek: null, beginObject: null, eindeObject: null }),
    // An informatieobjecttype names nothing itself; it is named by besluittypen and, through
    // zaaktype-informatieobjecttypen, by zaaktypen (ztc-010c).
    async publishedRelations(tx, actie, _next, current) {
      if (actie === 'create') return [];
      const found: string[] = [];
      const besluittypen = await repository.versionsReferring(tx, 'besluittype', 'informatieobjecttypen', current!.catalogus, current!.key);
      if (besluittypen.some((b) => !b.concept)) found.push('besluittypen');
      if ((await zaaktypenUsing(tx, current!)).some((z) => !z.concept)) found.push('zaaktypen');
      return found;
    },
    toApi: informatieobjecttypeToApi,
    expandable: ['catalogus', 'zaaktypen', 'besluittypen'],
    async expand(db, v, api, fields, apiRoot, date) {
      const result: Record<string, unknown> = {};
      if (fields.includes('catalogus')) result.catalogus = await catalogusExpanded(db, v.catalogus, apiRoot);
      if (fields.includes('zaaktypen')) {
        const zaaktypen = await Promise.all((api.zaaktypen as string[]).map((url) => repository.findVersion(db, 'zaaktype', ownUuid(url, 'zaaktypen')!)));
        result.zaaktypen = await Promise.all(zaaktypen.filter((z) => z !== undefined).map((z) => zaaktypeToApi(db, z, apiRoot, date)));
      }
      if (fields.includes('besluittypen')) {
        const besluittypen = await repository.versionsReferring(db, 'besluittype', 'informatieobjecttypen', v.catalogus, v.key, { date });
        result.besluittypen = await Promise.all(besluittypen.map((b) => besluittypeToApi(db, b, apiRoot, date)));
      }
      return result;
    },
    schemas: {
      read: InformatieObjectType,
      expanded: InformatieObjectTypeExpanded,
      listName: 'PaginatedInformatieObjectTypeList',
      createBody: InformatieObjectTypeRequest,
      createResponse: InformatieObjectType,
      updateBody: InformatieObjectTypeRequest,
      documented: {
        // The standard documents the create as 200 and the update and delete loosely; the behaviour is the reference implementation's.
        createBody: InformatieObjectType,
        create: { 200: { description: 'OK', schema: InformatieObjectType } },
        update: { body: UNSPECIFIED_BODY, bodyRequired: false, responses: UNSPECIFIED_RESPONSE },
        patch: { body: UNSPECIFIED_BODY, responses: UNSPECIFIED_RESPONSE },
        destroy: UNSPECIFIED_RESPONSE,
      },
    },
    listQuery: {
      catalogus: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de CATALOGUS waartoe dit INFORMATIEOBJECTTYPE behoort.' })),
      omschrijving: Type.Optional(Type.String({ description: 'Omschrijving van de aard van informatieobjecten van dit INFORMATIEOBJECTTYPE.' })),
    },
    summaries: {
      list: 'Alle INFORMATIEOBJECTTYPEn opvragen.',
      create: 'Maak een INFORMATIEOBJECTTYPE aan.',
      read: 'Een specifieke INFORMATIEOBJECTTYPE opvragen.',
      head: 'De headers voor een specifiek(e) INFORMATIEOBJECTTYPE opvragen ',
      update: 'Werk een INFORMATIEOBJECTTYPE in zijn geheel bij.',
      patch: 'Werk een INFORMATIEOBJECTTYPE deels bij.',
      destroy: 'Verwijder een INFORMATIEOBJECTTYPE.',
      publish: 'Publiceer het concept INFORMATIEOBJECTTYPE.',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// besluittypen

async function besluittypeToApi(db: Db | Tx, v: repository.VersionRecord, apiRoot: string, date: string): Promise<Record<string, unknown>> {
  const u = urls(apiRoot);
  const omschrijvingen = (v.data.informatieobjecttypen as string[] | undefined) ?? [];
  const [iots, zaaktypen, alleZaaktypen, resultaattypen] = await Promise.all([
    repository.versionsByKey(db, 'informatieobjecttype', v.catalogus, omschrijvingen, { date }),
    repository.versionsReferring(db, 'zaaktype', 'besluittypen', v.catalogus, v.key, { date }),
    repository.versionsReferring(db, 'zaaktype', 'besluittypen', v.catalogus, v.key),
    repository.partsContaining(db, 'resultaattype', v.catalogus, 'besluittypen', v.key),
  ]);
  return {
    url: u.besluittype(v.uuid),
    catalogus: u.catalogus(v.catalogus),
    zaaktypen: zaaktypen.map((z) => u.zaaktype(z.uuid)),
    zaaktypeIdentificaties: [...new Set(alleZaaktypen.map((z) => z.key))],
    omschrijving: v.key,
    omschrijvingGeneriek: v.data.omschrijvingGeneriek ?? '',
    besluitcategorie: v.data.besluitcategorie ?? '',
    reactietermijn: v.data.reactietermijn ?? null,
    publicatieIndicatie: v.data.publicatieIndicatie,
    publicatietekst: v.data.publicatietekst ?? '',
    publicatietermijn: v.data.publicatietermijn ?? null,
    toelichting: v.data.toelichting ?? '',
    informatieobjecttypen: iots.map((i) => u.informatieobjecttype(i.uuid)),
    informatieobjecttypeOmschrijvingen: omschrijvingen,
    informatieobjecttypeOmschrijving: omschrijvingen,
    beginGeldigheid: v.beginGeldigheid,
    eindeGeldigheid: v.eindeGeldigheid,
    beginObject: v.data.beginObject ?? null,
    eindeObject: v.data.eindeObject ?? null,
    concept: v.concept,
    resultaattypen: resultaattypen.map((r) => `${apiRoot}/resultaattypen/${r.uuid}`),
    resultaattypenOmschrijving: [...new Set(resultaattypen.map((r) => r.data.omschrijving as string))],
    vastgelegdIn: omschrijvingen,
  };
}

/**
 * The informatieobjecttypen of a besluittype are kept by omschrijving (versie-onafhankelijk).
 * The standard (1.3) takes omschrijvingen; a URL of one of our informatieobjecttypen, as older
 * clients and the conformance suite send, counts as its omschrijving. Either must name an
 * informatieobjecttype in the same catalogus.
 *
 * `zaaktypen` is read-only in 1.3.3, derived from the zaaktypen naming the besluittype, and is
 * not kept. A client that still writes it (as in 1.0-1.2, and the suite in ztc-011a and
 * ztc-013) names relations; one that could not exist is refused rather than silently dropped:
 * each must be a zaaktype of the same catalogus (ztc-013) and, see `besluittypePublishedRelations`,
 * a concept (ztc-011a).
 */
async function besluittypeRelations(tx: Tx, body: Record<string, unknown>, catalogus: string, data: Record<string, unknown>): Promise<InvalidParam[]> {
  const errors: InvalidParam[] = [];
  const given = body.informatieobjecttypen as string[] | undefined;
  if (given !== undefined) {
    const resolved = await resolveByKey(tx, 'informatieobjecttype', 'informatieobjecttypen', catalogus, given);
    data.informatieobjecttypen = resolved.keys;
    errors.push(...relationErrors('informatieobjecttypen', resolved.problems));
  }
  errors.push(...relationErrors('zaaktypen', (await zaaktypenGiven(tx, body, catalogus)).problems));
  return errors;
}

/** The identificaties of the zaaktypen a besluittype write names in the read-only `zaaktypen`. */
function zaaktypenGiven(tx: Tx, body: Record<string, unknown>, catalogus: string) {
  const given = Array.isArray(body.zaaktypen) ? body.zaaktypen.filter((z): z is string => typeof z === 'string') : [];
  return resolveByKey(tx, 'zaaktype', 'zaaktypen', catalogus, given);
}

/**
 * ztc-010a, ztc-011a: a besluittype is related to the informatieobjecttypen it names, the
 * zaaktypen a write names in `zaaktypen`, and (for a change or delete) the zaaktypen naming it.
 */
async function besluittypePublishedRelations(tx: Tx, actie: Actie, next: repository.VersionRecord, current: repository.VersionRecord | undefined, body: Record<string, unknown>): Promise<string[]> {
  const found: string[] = [];
  for (const v of versionsFor(actie, next, current)) {
    if (await namesPublished(tx, 'informatieobjecttype', v.catalogus, (v.data.informatieobjecttypen as string[] | undefined) ?? [])) {
      found.push('informatieobjecttypen');
      break;
    }
  }
  const given = actie === 'destroy' ? [] : (await zaaktypenGiven(tx, body, next.catalogus)).keys;
  const naming = current ? await repository.versionsReferring(tx, 'zaaktype', 'besluittypen', current.catalogus, current.key) : [];
  if ((await namesPublished(tx, 'zaaktype', next.catalogus, given)) || naming.some((z) => !z.concept)) found.push('zaaktypen');
  return found;
}

/** Relations given as keys (omschrijving, identificatie) or as URLs of our own resources, resolved to keys in `catalogus`. */
export async function resolveByKey(tx: Tx, table: repository.VersionedTable, collection: string, catalogus: string, given: string[]) {
  const problems: { index: number; code: 'does_not_exist' | 'relations-incorrect-catalogus' }[] = [];
  const keys: string[] = [];
  for (const [index, value] of given.entries()) {
    let key = value;
    if (/^https?:\/\//.test(value)) {
      const uuid = ownUuid(value, collection);
      const found = uuid ? await repository.findVersion(tx, table, uuid) : undefined;
      if (!found) {
        problems.push({ index, code: 'does_not_exist' });
        continue;
      }
      if (found.catalogus !== catalogus) {
        problems.push({ index, code: 'relations-incorrect-catalogus' });
        continue;
      }
      key = found.key;
    } else if ((await repository.versionsByKey(tx, table, catalogus, [value])).length === 0) {
      problems.push({ index, code: 'does_not_exist' });
      continue;
    }
    if (!keys.includes(key)) keys.push(key);
  }
  return { keys, problems };
}

export function besluittypeOperations(database: Database): Operation[] {
  return versionedOperations(database, {
    table: 'besluittype',
    collection: 'besluittypen',
    resource: 'besluittype',
    soort: 'besluittype',
    keyField: 'omschrijving',
    data: (body, current) =>
      pick(body, current, {
        omschrijvingGeneriek: '',
        besluitcategorie: '',
        reactietermijn: null,
        publicatieIndicatie: undefined,
        publicatietekst: '',
        publicatietermijn: null,
        toelichting: '',
        informatieobjecttypen: [],
        beginObject: null,
        eindeObject: null,
      }),
    relations: besluittypeRelations,
    publishedRelations: besluittypePublishedRelations,
    toApi: besluittypeToApi,
    expandable: ['catalogus', 'zaaktypen', 'informatieobjecttypen', 'resultaattypen'],
    async expand(db, v, _api, fields, apiRoot, date) {
      const result: Record<string, unknown> = {};
      if (fields.includes('catalogus')) result.catalogus = await catalogusExpanded(db, v.catalogus, apiRoot);
      if (fields.includes('zaaktypen')) {
        const zaaktypen = await repository.versionsReferring(db, 'zaaktype', 'besluittypen', v.catalogus, v.key, { date });
        result.zaaktypen = await Promise.all(zaaktypen.map((z) => zaaktypeToApi(db, z, apiRoot, date)));
      }
      if (fields.includes('resultaattypen')) {
        const parts = await repository.partsContaining(db, 'resultaattype', v.catalogus, 'besluittypen', v.key);
        result.resultaattypen = await Promise.all(parts.map(async (r) => resultaattypeToApi(db, r, (await repository.findVersion(db, 'zaaktype', r.zaaktype))!, apiRoot)));
      }
      if (fields.includes('informatieobjecttypen')) {
        const iots = await repository.versionsByKey(db, 'informatieobjecttype', v.catalogus, (v.data.informatieobjecttypen as string[]) ?? [], { date });
        result.informatieobjecttypen = await Promise.all(iots.map((i) => informatieobjecttypeToApi(db, i, apiRoot, date)));
      }
      return result;
    },
    schemas: {
      read: BesluitType,
      expanded: BesluitTypeExpanded,
      listName: 'PaginatedBesluitTypeList',
      createBody: BesluitTypeCreate,
      createResponse: BesluitTypePostResponse,
      updateBody: BesluitTypeUpdate,
      documented: {
        patch: { body: UNSPECIFIED_BODY, responses: UNSPECIFIED_RESPONSE },
        destroy: UNSPECIFIED_RESPONSE,
      },
    },
    listQuery: {
      catalogus: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de CATALOGUS waartoe dit BESLUITTYPE behoort.' })),
      zaaktypen: Type.Optional(Type.String({ description: 'ZAAKTYPE met ZAAKen die relevant kunnen zijn voor dit BESLUITTYPE' })),
      informatieobjecttypen: Type.Optional(Type.String({ description: 'Het INFORMATIEOBJECTTYPE van informatieobjecten waarin besluiten van dit BESLUITTYPE worden vastgelegd.' })),
      omschrijving: Type.Optional(Type.String({ description: 'Omschrijving van de aard van BESLUITen van het BESLUITTYPE.' })),
    },
    async listFilter(db, query) {
      const filter: Partial<repository.VersionFilter> = {};
      if (query.zaaktypen !== undefined) {
        const uuid = ownUuid(query.zaaktypen, 'zaaktypen');
        const zaaktype = uuid ? await repository.findVersion(db, 'zaaktype', uuid) : undefined;
        if (!zaaktype) return 'none';
        Object.assign(filter, { catalogus: zaaktype.catalogus, keys: (zaaktype.data.besluittypen as string[]) ?? [] });
      }
      if (query.informatieobjecttypen !== undefined) {
        const uuid = ownUuid(query.informatieobjecttypen, 'informatieobjecttypen');
        const iot = uuid ? await repository.findVersion(db, 'informatieobjecttype', uuid) : undefined;
        if (!iot || (filter.catalogus && filter.catalogus !== iot.catalogus)) return 'none';
        Object.assign(filter, { catalogus: iot.catalogus, contains: { field: 'informatieobjecttypen', values: [iot.key] } });
      }
      return filter;
    },
    summaries: {
      list: 'Alle BESLUITTYPEn opvragen.',
      create: 'Maak een BESLUITTYPE aan.',
      read: 'Een specifieke BESLUITTYPE opvragen.',
      head: 'De headers voor een specifiek(e) BESLUITTYPE opvragen ',
      update: 'Werk een BESLUITTYPE in zijn geheel bij.',
      patch: 'Werk een BESLUITTYPE deels bij.',
      destroy: 'Verwijder een BESLUITTYPE.',
      publish: 'Publiceer het concept BESLUITTYPE.',
    },
  });
}

/** `expand` on a catalogus: the informatieobjecttypen and besluittypen published in it. */
export async function expandCatalogus(database: Database, view: repository.CatalogusView, fields: string[], apiRoot: string): Promise<Record<string, unknown>> {
  const db = database.db;
  const date = today();
  const result: Record<string, unknown> = {};
  if (fields.includes('zaaktypen')) {
    const all = await Promise.all(view.zaaktypen.map((uuid) => repository.findVersion(db, 'zaaktype', uuid)));
    result.zaaktypen = await Promise.all(all.filter((v) => v !== undefined).map((v) => zaaktypeToApi(db, v, apiRoot, date)));
  }
  if (fields.includes('informatieobjecttypen')) {
    const all = await Promise.all(view.informatieobjecttypen.map((i) => repository.findVersion(db, 'informatieobjecttype', i.uuid)));
    result.informatieobjecttypen = await Promise.all(all.filter((v) => v !== undefined).map((v) => informatieobjecttypeToApi(db, v, apiRoot, date)));
  }
  if (fields.includes('besluittypen')) {
    const all = await Promise.all(view.besluittypen.map((b) => repository.findVersion(db, 'besluittype', b.uuid)));
    result.besluittypen = await Promise.all(all.filter((v) => v !== undefined).map((v) => besluittypeToApi(db, v, apiRoot, date)));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// zaaktypen

/** What is enforced: the conformance suite and reference implementation create without a verantwoordelijke. */
const ZaakTypeRequest = (schema: typeof ZaakTypeCreate | typeof ZaakTypeUpdate) =>
  Type.Object({ ...schema.properties, verantwoordelijke: Type.Optional(schema.properties.verantwoordelijke), deelzaaktypen: Type.Optional(ZaakTypeCreate.properties.deelzaaktypen) });
const ZaakTypeCreateRequest = ZaakTypeRequest(ZaakTypeCreate);
const ZaakTypeUpdateRequest = ZaakTypeRequest(ZaakTypeUpdate);

/** A gerelateerd zaaktype: by identificatie in the same catalogus, or by URL (possibly in another catalogue). */
interface Relatie {
  identificatie?: string;
  url?: string;
  aardRelatie: string;
  toelichting: string;
}

async function zaaktypeToApi(db: Db | Tx, v: repository.VersionRecord, apiRoot: string, date: string): Promise<Record<string, unknown>> {
  const u = urls(apiRoot);
  const d = v.data;
  const besluittypen = (d.besluittypen as string[]) ?? [];
  const deelzaaktypen = (d.deelzaaktypen as string[]) ?? [];
  const relaties = (d.gerelateerdeZaaktypen as Relatie[]) ?? [];
  const [resultaattypen, zaakobjecttypen, statustypen, roltypen, eigenschappen, ziots, bts, deel, gerelateerd] = await Promise.all([
    repository.partsOf(db, 'resultaattype', [v.uuid]),
    repository.partsOf(db, 'zaakobjecttype', [v.uuid]),
    repository.partsOf(db, 'statustype', [v.uuid]),
    repository.partsOf(db, 'roltype', [v.uuid]),
    repository.partsOf(db, 'eigenschap', [v.uuid]),
    repository.partsOf(db, 'zaaktypeinformatieobjecttype', [v.uuid]),
    repository.versionsByKey(db, 'besluittype', v.catalogus, besluittypen, { date }),
    repository.versionsByKey(db, 'zaaktype', v.catalogus, deelzaaktypen, { date }),
    repository.versionsByKey(db, 'zaaktype', v.catalogus, relaties.flatMap((r) => (r.identificatie ? [r.identificatie] : [])), { date }),
  ]);
  const iotOmschrijvingen = [...new Set(ziots.map((z) => z.data.informatieobjecttype as string))];
  const iots = await repository.versionsByKey(db, 'informatieobjecttype', v.catalogus, iotOmschrijvingen, { date });
  return {
    url: u.zaaktype(v.uuid),
    identificatie: v.key,
    omschrijving: d.omschrijving,
    omschrijvingGeneriek: d.omschrijvingGeneriek ?? '',
    vertrouwelijkheidaanduiding: d.vertrouwelijkheidaanduiding,
    doel: d.doel,
    aanleiding: d.aanleiding,
    toelichting: d.toelichting ?? '',
    indicatieInternOfExtern: d.indicatieInternOfExtern,
    handelingInitiator: d.handelingInitiator,
    onderwerp: d.onderwerp,
    handelingBehandelaar: d.handelingBehandelaar,
    doorlooptijd: d.doorlooptijd,
    servicenorm: d.servicenorm ?? null,
    opschortingEnAanhoudingMogelijk: d.opschortingEnAanhoudingMogelijk,
    verlengingMogelijk: d.verlengingMogelijk,
    verlengingstermijn: d.verlengingstermijn ?? null,
    trefwoorden: d.trefwoorden ?? [],
    publicatieIndicatie: d.publicatieIndicatie,
    publicatietekst: d.publicatietekst ?? '',
    verantwoordingsrelatie: d.verantwoordingsrelatie ?? [],
    productenOfDiensten: d.productenOfDiensten ?? [],
    selectielijstProcestype: d.selectielijstProcestype ? shownReference(d.selectielijstProcestype as string, apiRoot) : '',
    referentieproces: d.referentieproces,
    verantwoordelijke: d.verantwoordelijke ?? '',
    ...(d.broncatalogus ? { broncatalogus: d.broncatalogus } : {}),
    ...(d.bronzaaktype ? { bronzaaktype: d.bronzaaktype } : {}),
    catalogus: u.catalogus(v.catalogus),
    zaakobjecttypen: zaakobjecttypen.map((z) => `${apiRoot}/zaakobjecttypen/${z.uuid}`),
    statustypen: statustypen.map((s) => `${apiRoot}/statustypen/${s.uuid}`),
    resultaattypen: resultaattypen.map((r) => `${apiRoot}/resultaattypen/${r.uuid}`),
    eigenschappen: eigenschappen.map((e) => `${apiRoot}/eigenschappen/${e.uuid}`),
    informatieobjecttypen: iots.map((i) => u.informatieobjecttype(i.uuid)),
    informatieobjecttypeOmschrijving: iotOmschrijvingen,
    roltypen: roltypen.map((r) => `${apiRoot}/roltypen/${r.uuid}`),
    besluittypen: bts.map((b) => u.besluittype(b.uuid)),
    besluittypeOmschrijving: besluittypen,
    deelzaaktypen: deel.map((z) => u.zaaktype(z.uuid)),
    deelzaaktypeIdentificaties: deelzaaktypen,
    // A relation by identificatie shows the version published and valid on the date; without one it is left out.
    gerelateerdeZaaktypen: relaties.flatMap((r) => {
      const target = r.url ?? gerelateerd.filter((z) => z.key === r.identificatie).map((z) => u.zaaktype(z.uuid))[0];
      return target ? [{ zaaktype: target, zaaktypeIdentificatie: r.identificatie ?? '', aardRelatie: r.aardRelatie, toelichting: r.toelichting }] : [];
    }),
    beginGeldigheid: v.beginGeldigheid,
    eindeGeldigheid: v.eindeGeldigheid,
    beginObject: d.beginObject ?? null,
    eindeObject: d.eindeObject ?? null,
    versiedatum: d.versiedatum ?? v.beginGeldigheid,
    concept: v.concept,
  };
}

/** Besluittypen (by omschrijving), deelzaaktypen and gerelateerde zaaktypen (by identificatie) in the same catalogus. */
async function zaaktypeRelations(tx: Tx, body: Record<string, unknown>, catalogus: string, data: Record<string, unknown>): Promise<InvalidParam[]> {
  const errors: InvalidParam[] = [];
  if (body.besluittypen !== undefined) {
    const resolved = await resolveByKey(tx, 'besluittype', 'besluittypen', catalogus, body.besluittypen as string[]);
    data.besluittypen = resolved.keys;
    errors.push(...relationErrors('besluittypen', resolved.problems));
  }
  if (body.deelzaaktypen !== undefined) {
    const resolved = await resolveByKey(tx, 'zaaktype', 'zaaktypen', catalogus, body.deelzaaktypen as string[]);
    data.deelzaaktypen = resolved.keys;
    errors.push(...relationErrors('deelzaaktypen', resolved.problems));
  }
  if (body.gerelateerdeZaaktypen !== undefined) {
    const relaties: Relatie[] = [];
    for (const [index, r] of (body.gerelateerdeZaaktypen as { zaaktype: string; aardRelatie: string; toelichting?: string }[]).entries()) {
      const extra = { aardRelatie: r.aardRelatie, toelichting: r.toelichting ?? '' };
      const own = ownUuid(r.zaaktype, 'zaaktypen');
      if (own) {
        const found = await repository.findVersion(tx, 'zaaktype', own);
        if (found) relaties.push({ identificatie: found.key, ...extra });
        else errors.push({ name: `gerelateerdeZaaktypen.${index}.zaaktype`, code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' });
      } else if (/^https?:\/\//.test(r.zaaktype)) {
        relaties.push({ url: r.zaaktype, ...extra }); // a zaaktype in another catalogue
      } else {
        relaties.push({ identificatie: r.zaaktype, ...extra });
      }
    }
    data.gerelateerdeZaaktypen = relaties;
  }
  return errors;
}

/** The omschrijvingen of the informatieobjecttypen a zaaktype version names through its zaaktype-informatieobjecttypen. */
async function zaaktypeInformatieobjecttypen(db: Db | Tx, v: repository.VersionRecord): Promise<string[]> {
  return [...new Set((await repository.partsOf(db, 'zaaktypeinformatieobjecttype', [v.uuid])).map((z) => z.data.informatieobjecttype as string))];
}

/**
 * ztc-010h, ztc-011g: a zaaktype is related to the besluittypen it names; for a delete also to
 * the informatieobjecttypen its zaaktype-informatieobjecttypen name (but a change of a concept
 * zaaktype using a published informatieobjecttype is allowed, as the suite expects).
 */
async function zaaktypePublishedRelations(tx: Tx, actie: Actie, next: repository.VersionRecord, current: repository.VersionRecord | undefined): Promise<string[]> {
  const found: string[] = [];
  for (const v of versionsFor(actie, next, current)) {
    if (await namesPublished(tx, 'besluittype', v.catalogus, (v.data.besluittypen as string[] | undefined) ?? [])) {
      found.push('besluittypen');
      break;
    }
  }
  if (actie === 'destroy' && (await namesPublished(tx, 'informatieobjecttype', current!.catalogus, await zaaktypeInformatieobjecttypen(tx, current!)))) found.push('informatieobjecttypen');
  return found;
}

/**
 * ztc-012: a zaaktype is published only when the besluittypen, informatieobjecttypen and
 * deelzaaktypen it names are (`concept-relation`): a type named that exists only as concept
 * would leave the published zaaktype's relation empty. (Types named that do not exist at all
 * are not in the way: a relation by key may name one still to come.)
 */
async function zaaktypePublishable(tx: Tx, v: repository.VersionRecord): Promise<InvalidParam[]> {
  const named: [repository.VersionedTable, string, string[]][] = [
    ['besluittype', 'besluittype', (v.data.besluittypen as string[] | undefined) ?? []],
    ['informatieobjecttype', 'informatieobjecttype', await zaaktypeInformatieobjecttypen(tx, v)],
    ['zaaktype', 'deelzaaktype', ((v.data.deelzaaktypen as string[] | undefined) ?? []).filter((key) => key !== v.key)],
  ];
  const concepts: string[] = [];
  for (const [table, soort, keys] of named) {
    for (const [key, published] of await repository.publishedByKey(tx, table, v.catalogus, keys)) if (!published) concepts.push(`${soort} ${key}`);
  }
  return conceptRelation(concepts);
}

export function zaaktypeOperations(database: Database, references: ReferenceResolver): Operation[] {
  return versionedOperations(database, {
    table: 'zaaktype',
    collection: 'zaaktypen',
    resource: 'zaaktype',
    soort: 'zaaktype',
    keyField: 'identificatie',
    data: (body, current, apiRoot) => {
      const data = pick(body, current, {
        omschrijving: undefined,
        omschrijvingGeneriek: '',
        vertrouwelijkheidaanduiding: undefined,
        doel: undefined,
        aanleiding: undefined,
        toelichting: '',
        indicatieInternOfExtern: undefined,
        handelingInitiator: undefined,
        onderwerp: undefined,
        handelingBehandelaar: undefined,
        doorlooptijd: undefined,
        servicenorm: null,
        opschortingEnAanhoudingMogelijk: undefined,
        verlengingMogelijk: undefined,
        verlengingstermijn: null,
        trefwoorden: [],
        publicatieIndicatie: undefined,
        publicatietekst: '',
        verantwoordingsrelatie: [],
        productenOfDiensten: [],
        selectielijstProcestype: '',
        referentieproces: undefined,
        verantwoordelijke: '',
        broncatalogus: null,
        bronzaaktype: null,
        besluittypen: [],
        deelzaaktypen: [],
        gerelateerdeZaaktypen: [],
        beginObject: null,
        eindeObject: null,
        versiedatum: null,
      });
      if (data.selectielijstProcestype) data.selectielijstProcestype = keptReference(data.selectielijstProcestype as string, apiRoot);
      return data;
    },
    check: async (body, apiRoot) => (body.selectielijstProcestype ? checkSelectielijstProcestype(references, body.selectielijstProcestype as string, apiRoot) : []),
    relations: zaaktypeRelations,
    publishedRelations: zaaktypePublishedRelations,
    publishable: zaaktypePublishable,
    toApi: zaaktypeToApi,
    expandable: ['zaakobjecttypen', 'catalogus', 'statustypen', 'resultaattypen', 'eigenschappen', 'informatieobjecttypen', 'roltypen', 'besluittypen', 'deelzaaktypen', 'gerelateerdeZaaktypen'],
    async expand(db, v, api, fields, apiRoot, date) {
      const result: Record<string, unknown> = {};
      for (const field of fields) result[field] = [];
      if (fields.includes('catalogus')) result.catalogus = await catalogusExpanded(db, v.catalogus, apiRoot);
      const zaaktypen = async (urlsOf: unknown) => {
        const found = await Promise.all((urlsOf as string[]).map((url) => { const uuid = ownUuid(url, 'zaaktypen'); return uuid ? repository.findVersion(db, 'zaaktype', uuid) : undefined; }));
        return Promise.all(found.filter((z) => z !== undefined).map((z) => zaaktypeToApi(db, z, apiRoot, date)));
      };
      if (fields.includes('besluittypen')) {
        const bts = await repository.versionsByKey(db, 'besluittype', v.catalogus, (v.data.besluittypen as string[]) ?? [], { date });
        result.besluittypen = await Promise.all(bts.map((b) => besluittypeToApi(db, b, apiRoot, date)));
      }
      if (fields.includes('deelzaaktypen')) result.deelzaaktypen = await zaaktypen(api.deelzaaktypen);
      if (fields.includes('statustypen')) result.statustypen = await Promise.all((await repository.partsOf(db, 'statustype', [v.uuid])).map((s) => statustypeToApi(db, s, v, apiRoot)));
      if (fields.includes('resultaattypen')) result.resultaattypen = await Promise.all((await repository.partsOf(db, 'resultaattype', [v.uuid])).map((r) => resultaattypeToApi(db, r, v, apiRoot)));
      if (fields.includes('zaakobjecttypen')) result.zaakobjecttypen = await Promise.all((await repository.partsOf(db, 'zaakobjecttype', [v.uuid])).map((z) => zaakobjecttypeToApi(db, z, v, apiRoot)));
      if (fields.includes('eigenschappen')) result.eigenschappen = await Promise.all((await repository.partsOf(db, 'eigenschap', [v.uuid])).map((e) => eigenschapToApi(db, e, v, apiRoot)));
      if (fields.includes('informatieobjecttypen')) {
        const iots = await Promise.all((api.informatieobjecttypen as string[]).map((url) => repository.findVersion(db, 'informatieobjecttype', ownUuid(url, 'informatieobjecttypen')!)));
        result.informatieobjecttypen = await Promise.all(iots.filter((i) => i !== undefined).map((i) => informatieobjecttypeToApi(db, i, apiRoot, date)));
      }
      if (fields.includes('roltypen')) result.roltypen = await Promise.all((await repository.partsOf(db, 'roltype', [v.uuid])).map((r) => roltypeToApi(db, r, v, apiRoot)));
      if (fields.includes('gerelateerdeZaaktypen')) result.gerelateerdeZaaktypen = await zaaktypen((api.gerelateerdeZaaktypen as { zaaktype: string }[]).map((r) => r.zaaktype));
      return result;
    },
    schemas: {
      read: ZaakType,
      expanded: ZaakTypeExpanded,
      listName: 'PaginatedZaakTypeList',
      createBody: ZaakTypeCreateRequest,
      createResponse: ZaakType,
      updateBody: ZaakTypeUpdateRequest,
      documented: {
        createBody: ZaakTypeCreate,
        update: { body: ZaakTypeUpdate },
        patch: { body: UNSPECIFIED_BODY, responses: UNSPECIFIED_RESPONSE },
        destroy: UNSPECIFIED_RESPONSE,
        publish: { body: UNSPECIFIED_BODY, bodyRequired: false },
      },
    },
    listQuery: {
      catalogus: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de CATALOGUS waartoe dit ZAAKTYPE behoort.' })),
      identificatie: Type.Optional(Type.String({ description: 'Unieke identificatie van het ZAAKTYPE binnen de CATALOGUS waarin het ZAAKTYPE voorkomt.' })),
      trefwoorden: Type.Optional(Type.Array(Type.String(), { description: 'Multiple values may be separated by commas.' })),
    },
    retrieveDatumGeldigheid: true,
    async listFilter(_db, query) {
      const trefwoorden = query.trefwoorden as unknown as string[] | undefined;
      const values = (trefwoorden ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
      return values.length ? { contains: { field: 'trefwoorden', values } } : {};
    },
    summaries: {
      list: 'Alle ZAAKTYPEn opvragen.',
      create: 'Maak een ZAAKTYPE aan.',
      read: 'Een specifieke ZAAKTYPE opvragen.',
      head: 'De headers voor een specifiek(e) ZAAKTYPE opvragen ',
      update: 'Werk een ZAAKTYPE in zijn geheel bij.',
      patch: 'Werk een ZAAKTYPE deels bij.',
      destroy: 'Verwijder een ZAAKTYPE.',
      publish: 'Publiceer het concept ZAAKTYPE.',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// statustypen and roltypen

const zaaktypeFields = (zaaktype: repository.VersionRecord, apiRoot: string) => ({
  zaaktype: urls(apiRoot).zaaktype(zaaktype.uuid),
  zaaktypeIdentificatie: zaaktype.key,
  catalogus: urls(apiRoot).catalogus(zaaktype.catalogus),
});

async function statustypeToApi(db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, apiRoot: string): Promise<Record<string, unknown>> {
  const d = part.data;
  const [siblings, eigenschappen] = await Promise.all([repository.partsOf(db, 'statustype', [zaaktype.uuid]), repository.partsOf(db, 'eigenschap', [zaaktype.uuid])]);
  const eigen = new Set([...((d.eigenschappen as string[]) ?? []), ...eigenschappen.filter((e) => e.data.statustype === part.uuid).map((e) => e.uuid)]);
  const hoogste = Math.max(...siblings.map((s) => Number(s.data.volgnummer)));
  return {
    url: `${apiRoot}/statustypen/${part.uuid}`,
    omschrijving: d.omschrijving,
    omschrijvingGeneriek: d.omschrijvingGeneriek ?? '',
    statustekst: d.statustekst ?? '',
    ...zaaktypeFields(zaaktype, apiRoot),
    volgnummer: d.volgnummer,
    isEindstatus: Number(d.volgnummer) === hoogste,
    informeren: d.informeren ?? false,
    doorlooptijd: d.doorlooptijd ?? null,
    toelichting: d.toelichting ?? null,
    checklistitemStatustype: d.checklistitemStatustype ?? [],
    eigenschappen: [...eigen].map((uuid) => `${apiRoot}/eigenschappen/${uuid}`),
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: d.beginObject ?? null,
    eindeObject: d.eindeObject ?? null,
  };
}

async function roltypeToApi(_db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, apiRoot: string): Promise<Record<string, unknown>> {
  const d = part.data;
  return {
    url: `${apiRoot}/roltypen/${part.uuid}`,
    ...zaaktypeFields(zaaktype, apiRoot),
    omschrijving: d.omschrijving,
    omschrijvingGeneriek: d.omschrijvingGeneriek,
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: d.beginObject ?? null,
    eindeObject: d.eindeObject ?? null,
  };
}

async function partExpand(db: Db, zaaktype: repository.VersionRecord, fields: string[], apiRoot: string): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  if (fields.includes('zaaktype')) result.zaaktype = await zaaktypeToApi(db, zaaktype, apiRoot, today());
  if (fields.includes('catalogus')) result.catalogus = await catalogusExpanded(db, zaaktype.catalogus, apiRoot);
  return result;
}

export function statustypeOperations(database: Database): Operation[] {
  return partOperations(database, {
    table: 'statustype',
    collection: 'statustypen',
    resource: 'statustype',
    data: (body, current) =>
      pick(body, current, {
        omschrijving: undefined,
        omschrijvingGeneriek: '',
        statustekst: '',
        volgnummer: undefined,
        informeren: false,
        doorlooptijd: null,
        toelichting: null,
        checklistitemStatustype: [],
        eigenschappen: [],
        beginObject: null,
        eindeObject: null,
      }),
    async check(tx, part) {
      const errors = volgnummerTaken(await repository.volgnummerTaken(tx, 'statustype', part.zaaktype, Number(part.data.volgnummer), part.uuid));
      // The eigenschappen named must be the zaaktype's; kept by uuid.
      const uuids: string[] = [];
      for (const [index, url] of ((part.data.eigenschappen as (string | null)[]) ?? []).entries()) {
        const uuid = url ? ownUuid(url, 'eigenschappen') : undefined;
        const found = uuid ? await repository.findPart(tx, 'eigenschap', uuid) : undefined;
        if (found && found.zaaktype === part.zaaktype) uuids.push(found.uuid);
        else errors.push({ name: `eigenschappen.${index}`, code: found ? 'relations-incorrect-zaaktype' : 'does_not_exist', reason: 'De eigenschap moet bij hetzelfde zaaktype horen.' });
      }
      part.data.eigenschappen = uuids;
      return errors;
    },
    toApi: statustypeToApi,
    expandable: ['catalogus', 'zaaktype', 'eigenschappen'],
    async expand(db, part, zaaktype, fields, apiRoot) {
      const result = await partExpand(db, zaaktype, fields, apiRoot);
      if (fields.includes('eigenschappen')) {
        const api = await statustypeToApi(db, part, zaaktype, apiRoot);
        const found = await Promise.all((api.eigenschappen as string[]).map((url) => repository.findPart(db, 'eigenschap', ownUuid(url, 'eigenschappen')!)));
        result.eigenschappen = await Promise.all(found.filter((e) => e !== undefined).map((e) => eigenschapToApi(db, e, zaaktype, apiRoot)));
      }
      return result;
    },
    schemas: { read: StatusType, expanded: StatusTypeExpanded, listName: 'PaginatedStatusTypeList', patch: PatchedStatusType },
    zaaktypeFilters: ['zaaktypeIdentificatie', 'status', 'datumGeldigheid'],
    summaries: {
      list: 'Alle STATUSTYPEn opvragen.',
      create: 'Maak een STATUSTYPE aan.',
      read: 'Een specifieke STATUSTYPE opvragen.',
      head: 'De headers voor een specifiek(e) STATUSTYPE opvragen ',
      update: 'Werk een STATUSTYPE in zijn geheel bij.',
      patch: 'Werk een STATUSTYPE deels bij.',
      destroy: 'Verwijder een STATUSTYPE.',
    },
  });
}

export function roltypeOperations(database: Database): Operation[] {
  return partOperations(database, {
    table: 'roltype',
    collection: 'roltypen',
    resource: 'roltype',
    data: (body, current) => pick(body, current, { omschrijving: undefined, omschrijvingGeneriek: undefined, catalogus: null, beginObject: null, eindeObject: null }),
    async check(_tx, part, zaaktype) {
      // `catalogus` is deprecated here; given, it must be the zaaktype's.
      const given = part.data.catalogus as string | null;
      delete part.data.catalogus;
      return given && ownUuid(given, 'catalogussen') !== zaaktype.catalogus
        ? [{ name: 'catalogus', code: 'relations-incorrect-catalogus', reason: 'De catalogus moet die van het zaaktype zijn.' }]
        : [];
    },
    toApi: roltypeToApi,
    expandable: ['catalogus', 'zaaktype'],
    expand: (db, _part, zaaktype, fields, apiRoot) => partExpand(db, zaaktype, fields, apiRoot),
    schemas: { read: RolType, expanded: RolTypeExpanded, listName: 'PaginatedRolTypeList', patch: PatchedRolType },
    equalsFilters: [{ name: 'omschrijvingGeneriek', schema: RolType.properties.omschrijvingGeneriek }],
    zaaktypeFilters: ['zaaktypeIdentificatie', 'status', 'datumGeldigheid'],
    summaries: {
      list: 'Alle ROLTYPEn opvragen.',
      create: 'Maak een ROLTYPE aan.',
      read: 'Een specifieke ROLTYPE opvragen.',
      head: 'De headers voor een specifiek(e) ROLTYPE opvragen ',
      update: 'Werk een ROLTYPE in zijn geheel bij.',
      patch: 'Werk een ROLTYPE deels bij.',
      destroy: 'Verwijder een ROLTYPE.',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// eigenschappen and zaaktype-informatieobjecttypen

async function eigenschapToApi(_db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, apiRoot: string): Promise<Record<string, unknown>> {
  const d = part.data;
  return {
    url: `${apiRoot}/eigenschappen/${part.uuid}`,
    naam: d.naam,
    catalogus: urls(apiRoot).catalogus(zaaktype.catalogus),
    definitie: d.definitie,
    specificatie: d.specificatie,
    toelichting: d.toelichting ?? '',
    zaaktype: urls(apiRoot).zaaktype(zaaktype.uuid),
    zaaktypeIdentificatie: zaaktype.key,
    statustype: d.statustype ? `${apiRoot}/statustypen/${d.statustype}` : null,
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: d.beginObject ?? null,
    eindeObject: d.eindeObject ?? null,
  };
}

/** A statustype given by URL must be one of the same zaaktype; kept by uuid. */
async function statustypeOfZaaktype(tx: Tx, part: repository.PartRecord): Promise<InvalidParam[]> {
  const given = part.data.statustype as string | null;
  if (!given) return [];
  const uuid = ownUuid(given, 'statustypen');
  const found = uuid ? await repository.findPart(tx, 'statustype', uuid) : undefined;
  if (found && found.zaaktype === part.zaaktype) {
    part.data.statustype = found.uuid;
    return [];
  }
  return [{ name: 'statustype', code: found ? 'relations-incorrect-zaaktype' : 'does_not_exist', reason: 'Het statustype moet bij hetzelfde zaaktype horen.' }];
}

export function eigenschapOperations(database: Database): Operation[] {
  return partOperations(database, {
    table: 'eigenschap',
    collection: 'eigenschappen',
    resource: 'eigenschap',
    // The statustype is given as a URL and kept by uuid (see `check`).
    data: (body, current) => pick(body, current, { naam: undefined, definitie: undefined, specificatie: undefined, toelichting: '', statustype: null, beginObject: null, eindeObject: null }),
    async check(tx, part) {
      const errors = typeof part.data.statustype === 'string' && /^https?:/.test(part.data.statustype) ? await statustypeOfZaaktype(tx, part) : [];
      errors.push(...checkSpecificatie(part.data.specificatie as { formaat: string; lengte: string }));
      return errors;
    },
    toApi: eigenschapToApi,
    expandable: ['catalogus', 'zaaktype', 'statustype'],
    async expand(db, part, zaaktype, fields, apiRoot) {
      const result = await partExpand(db, zaaktype, fields, apiRoot);
      if (fields.includes('statustype')) {
        const statustype = part.data.statustype ? await repository.findPart(db, 'statustype', part.data.statustype as string) : undefined;
        result.statustype = statustype ? await statustypeToApi(db, statustype, zaaktype, apiRoot) : {};
      }
      return result;
    },
    schemas: { read: Eigenschap, expanded: EigenschapExpanded, listName: 'PaginatedEigenschapList', patch: PatchedEigenschap },
    zaaktypeFilters: ['zaaktypeIdentificatie', 'status', 'datumGeldigheid'],
    summaries: {
      list: 'Alle EIGENSCHAPpen opvragen.',
      create: 'Maak een EIGENSCHAP aan.',
      read: 'Een specifieke EIGENSCHAP opvragen.',
      head: 'De headers voor een specifiek(e) EIGENSCHAP opvragen ',
      update: 'Werk een EIGENSCHAP in zijn geheel bij.',
      patch: 'Werk een EIGENSCHAP deels bij.',
      destroy: 'Verwijder een EIGENSCHAP.',
    },
  });
}

async function zaaktypeInformatieobjecttypeToApi(_db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, apiRoot: string): Promise<Record<string, unknown>> {
  const d = part.data;
  return {
    url: `${apiRoot}/zaaktype-informatieobjecttypen/${part.uuid}`,
    zaaktype: urls(apiRoot).zaaktype(zaaktype.uuid),
    zaaktypeIdentificatie: zaaktype.key,
    catalogus: urls(apiRoot).catalogus(zaaktype.catalogus),
    informatieobjecttype: d.informatieobjecttype,
    volgnummer: d.volgnummer,
    richting: d.richting,
    statustype: d.statustype ? `${apiRoot}/statustypen/${d.statustype}` : null,
  };
}

export function zaaktypeInformatieobjecttypeOperations(database: Database): Operation[] {
  return partOperations(database, {
    table: 'zaaktypeinformatieobjecttype',
    collection: 'zaaktype-informatieobjecttypen',
    resource: 'zaaktypeinformatieobjecttype',
    data: (body, current) => pick(body, current, { informatieobjecttype: undefined, volgnummer: undefined, richting: undefined, statustype: null }),
    // ztc-010g, ztc-011f: the relation may be created, changed or deleted while its zaaktype or
    // its informatieobjecttype is a concept; between two published ones it may not
    // (`non-concept-relation`), as zaakinformatieobjecttype_destroy states.
    async conceptRule(db, part, zaaktype) {
      const iotPublished = !zaaktype.concept && (await namesPublished(db, 'informatieobjecttype', zaaktype.catalogus, [part.data.informatieobjecttype as string]));
      return iotPublished ? nonConceptRelation(['zaaktype en informatieobjecttype']) : [];
    },
    async check(tx, part, zaaktype) {
      const errors = volgnummerTaken(await repository.volgnummerTaken(tx, 'zaaktypeinformatieobjecttype', part.zaaktype, Number(part.data.volgnummer), part.uuid));
      if (typeof part.data.statustype === 'string' && /^https?:/.test(part.data.statustype)) errors.push(...(await statustypeOfZaaktype(tx, part)));
      // The informatieobjecttype by omschrijving (a URL of ours counts as its omschrijving), in the zaaktype's catalogus.
      const resolved = await resolveByKey(tx, 'informatieobjecttype', 'informatieobjecttypen', zaaktype.catalogus, [part.data.informatieobjecttype as string]);
      const problem = resolved.problems[0];
      // ztc-013: another catalogus's informatieobjecttype breaks a rule across zaaktype and informatieobjecttype (nonFieldErrors).
      if (problem) errors.push({ name: problem.code === 'relations-incorrect-catalogus' ? 'nonFieldErrors' : 'informatieobjecttype', code: problem.code, reason: 'Het informatieobjecttype moet in de catalogus van het zaaktype bestaan.' });
      else part.data.informatieobjecttype = resolved.keys[0];
      return errors;
    },
    toApi: zaaktypeInformatieobjecttypeToApi,
    expandable: ['zaaktype', 'catalogus', 'informatieobjecttype', 'statustype'],
    async expand(db, part, zaaktype, fields, apiRoot) {
      const result = await partExpand(db, zaaktype, fields, apiRoot);
      if (fields.includes('informatieobjecttype')) {
        const [iot] = await repository.versionsByKey(db, 'informatieobjecttype', zaaktype.catalogus, [part.data.informatieobjecttype as string], { date: today() });
        result.informatieobjecttype = iot ? await informatieobjecttypeToApi(db, iot, apiRoot, today()) : {};
      }
      if (fields.includes('statustype')) {
        const statustype = part.data.statustype ? await repository.findPart(db, 'statustype', part.data.statustype as string) : undefined;
        result.statustype = statustype ? await statustypeToApi(db, statustype, zaaktype, apiRoot) : {};
      }
      return result;
    },
    schemas: { read: ZaakTypeInformatieObjectType, expanded: ZaakTypeInformatieObjectTypeExpanded, listName: 'PaginatedZaakTypeInformatieObjectTypeList', patch: PatchedZaakTypeInformatieObjectType },
    zaaktypeFilters: ['status'],
    equalsFilters: [
      {
        name: 'informatieobjecttype',
        schema: Type.String({ description: 'informatieobjecttype' }),
        async resolve(db, value) {
          if (!/^https?:\/\//.test(value)) return value;
          const uuid = ownUuid(value, 'informatieobjecttypen');
          return uuid ? (await repository.findVersion(db, 'informatieobjecttype', uuid))?.key : undefined;
        },
      },
      { name: 'richting', schema: ZaakTypeInformatieObjectType.properties.richting },
    ],
    summaries: {
      list: 'Alle ZAAKTYPE-INFORMATIEOBJECTTYPE relaties opvragen.',
      create: 'Maak een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie aan.',
      read: 'Een specifieke ZAAKTYPE-INFORMATIEOBJECTTYPE relatie opvragen.',
      head: 'De headers voor een specifiek(e) ZAAKTYPE-INFORMATIEOBJECTTYPE opvragen ',
      update: 'Werk een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie in zijn geheel bij.',
      patch: 'Werk een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie deels bij.',
      destroy: 'Verwijder een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie.',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// zaakobjecttypen

async function zaakobjecttypeToApi(_db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, apiRoot: string): Promise<Record<string, unknown>> {
  const d = part.data;
  return {
    url: `${apiRoot}/zaakobjecttypen/${part.uuid}`,
    anderObjecttype: d.anderObjecttype,
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: d.beginObject ?? null,
    eindeObject: d.eindeObject ?? null,
    objecttype: d.objecttype,
    relatieOmschrijving: d.relatieOmschrijving,
    zaaktype: urls(apiRoot).zaaktype(zaaktype.uuid),
    zaaktypeIdentificatie: zaaktype.key,
    // Resultaattypen are not served yet, and statustypen do not name a zaakobjecttype: none can refer to this one.
    resultaattypen: [],
    resultaattypeOmschrijving: [],
    statustypen: [],
    catalogus: urls(apiRoot).catalogus(zaaktype.catalogus),
  };
}

export function zaakobjecttypeOperations(database: Database): Operation[] {
  return partOperations(database, {
    table: 'zaakobjecttype',
    collection: 'zaakobjecttypen',
    resource: 'zaakobjecttype',
    data: (body, current) => pick(body, current, { anderObjecttype: undefined, objecttype: undefined, relatieOmschrijving: undefined, catalogus: null, beginObject: null, eindeObject: null }),
    async check(_tx, part, zaaktype) {
      // The catalogus given must be the zaaktype's; it is not kept apart from it.
      const given = part.data.catalogus as string | null;
      delete part.data.catalogus;
      return given && ownUuid(given, 'catalogussen') !== zaaktype.catalogus
        ? [{ name: 'catalogus', code: 'relations-incorrect-catalogus', reason: 'De catalogus moet die van het zaaktype zijn.' }]
        : [];
    },
    toApi: zaakobjecttypeToApi,
    expandable: ['zaaktype', 'resultaattypen', 'statustypen', 'catalogus'],
    async expand(db, _part, zaaktype, fields, apiRoot) {
      const result = await partExpand(db, zaaktype, fields, apiRoot);
      if (fields.includes('resultaattypen')) result.resultaattypen = [];
      if (fields.includes('statustypen')) result.statustypen = [];
      return result;
    },
    schemas: { read: ZaakObjectType, expanded: ZaakObjectTypeExpanded, listName: 'PaginatedZaakObjectTypeList', patch: PatchedZaakObjectType },
    zaaktypeFilters: ['zaaktypeIdentificatie', 'datumGeldigheid', 'catalogus', 'datumBeginGeldigheid', 'datumEindeGeldigheid'],
    equalsFilters: [
      { name: 'anderObjecttype', schema: Type.String({ description: 'Aanduiding waarmee wordt aangegeven of het ZAAKOBJECTTYPE een ander, niet in RSGB en RGBZ voorkomend, objecttype betreft.' }) },
      { name: 'objecttype', schema: Type.String({ format: 'uri', description: 'URL-referentie naar de OBJECTTYPE waartoe dit ZAAKOBJECTTYPE behoort.' }) },
      { name: 'relatieOmschrijving', schema: Type.String({ description: 'Omschrijving van de betrekking van het Objecttype op zaken van het gerelateerde ZAAKTYPE.' }) },
    ],
    summaries: {
      list: 'Alle ZAAKOBJECTTYPEn opvragen.',
      create: 'Maak een ZAAKOBJECTTYPE aan.',
      read: 'Een specifieke ZAAKOBJECTTYPE opvragen.',
      head: 'De headers voor een specifiek(e) ZAAKOBJECTTYPE opvragen ',
      update: 'Werk een ZAAKOBJECTTYPE in zijn geheel bij.',
      patch: 'Werk een ZAAKOBJECTTYPE deels bij.',
      destroy: 'Verwijder een ZAAKOBJECTTYPE.',
    },
  });
}

// ---------------------------------------------------------------------------------------------
// resultaattypen

async function resultaattypeToApi(db: Db | Tx, part: repository.PartRecord, zaaktype: repository.VersionRecord, apiRoot: string): Promise<Record<string, unknown>> {
  const d = part.data;
  const u = urls(apiRoot);
  const besluittypen = (d.besluittypen as string[]) ?? [];
  const informatieobjecttypen = (d.informatieobjecttypen as string[]) ?? [];
  const [bts, iots] = await Promise.all([
    repository.versionsByKey(db, 'besluittype', zaaktype.catalogus, besluittypen, { date: today() }),
    repository.versionsByKey(db, 'informatieobjecttype', zaaktype.catalogus, informatieobjecttypen, { date: today() }),
  ]);
  return {
    url: `${apiRoot}/resultaattypen/${part.uuid}`,
    zaaktype: u.zaaktype(zaaktype.uuid),
    zaaktypeIdentificatie: zaaktype.key,
    omschrijving: d.omschrijving,
    resultaattypeomschrijving: shownReference(d.resultaattypeomschrijving as string, apiRoot),
    omschrijvingGeneriek: d.omschrijvingGeneriek ?? '',
    selectielijstklasse: shownReference(d.selectielijstklasse as string, apiRoot),
    toelichting: d.toelichting ?? '',
    archiefnominatie: d.archiefnominatie ?? '',
    archiefactietermijn: d.archiefactietermijn ?? null,
    brondatumArchiefprocedure: d.brondatumArchiefprocedure ?? null,
    procesobjectaard: d.procesobjectaard ?? null,
    catalogus: u.catalogus(zaaktype.catalogus),
    beginGeldigheid: zaaktype.beginGeldigheid,
    eindeGeldigheid: zaaktype.eindeGeldigheid,
    beginObject: d.beginObject ?? null,
    eindeObject: d.eindeObject ?? null,
    indicatieSpecifiek: d.indicatieSpecifiek ?? null,
    procestermijn: d.procestermijn ?? null,
    besluittypen: bts.map((b) => u.besluittype(b.uuid)),
    besluittypeOmschrijving: besluittypen,
    informatieobjecttypen: iots.map((i) => u.informatieobjecttype(i.uuid)),
    informatieobjecttypeOmschrijving: informatieobjecttypen,
  };
}

export function resultaattypeOperations(database: Database, references: ReferenceResolver): Operation[] {
  return partOperations(database, {
    table: 'resultaattype',
    collection: 'resultaattypen',
    resource: 'resultaattype',
    data: (body, current) =>
      pick(body, current, {
        omschrijving: undefined,
        resultaattypeomschrijving: undefined,
        omschrijvingGeneriek: '',
        selectielijstklasse: undefined,
        toelichting: '',
        archiefnominatie: undefined,
        archiefactietermijn: undefined,
        brondatumArchiefprocedure: null,
        procesobjectaard: null,
        catalogus: null,
        beginObject: null,
        eindeObject: null,
        indicatieSpecifiek: null,
        procestermijn: null,
        besluittypen: [],
        informatieobjecttypen: [],
      }),
    before: (data, apiRoot) => resolveSelectielijst(references, data, apiRoot),
    async check(tx, part, zaaktype, context) {
      const d = part.data;
      const klasse = context as Selectielijstklasse | undefined;
      const errors: InvalidParam[] = [];
      const procestype = zaaktype.data.selectielijstProcestype as string | undefined;
      // ztc-002: archiefnominatie and archiefactietermijn default to the selectielijstklasse's waardering and bewaartermijn.
      if (d.archiefnominatie === undefined || d.archiefnominatie === '') d.archiefnominatie = klasse?.waardering ?? '';
      if (d.archiefactietermijn === undefined) d.archiefactietermijn = klasse?.bewaartermijn ?? null;
      // The errors of brondatumArchiefprocedure's own fields come before the rules across
      // fields (nonFieldErrors), as in the reference implementation, where they take precedence.
      const brondatum = checkBrondatum(d.brondatumArchiefprocedure as Brondatum | null, klasse?.procestermijn || undefined);
      errors.push(...brondatum.filter((e) => e.name !== 'nonFieldErrors'));
      if (klasse && procestype) errors.push(...procestypeMismatch(klasse.procestype !== procestype));
      errors.push(...brondatum.filter((e) => e.name === 'nonFieldErrors'));
      const given = d.catalogus as string | null;
      delete d.catalogus;
      if (given && ownUuid(given, 'catalogussen') !== zaaktype.catalogus) errors.push({ name: 'catalogus', code: 'relations-incorrect-catalogus', reason: 'De catalogus moet die van het zaaktype zijn.' });
      for (const [field, table, collection] of [['besluittypen', 'besluittype', 'besluittypen'], ['informatieobjecttypen', 'informatieobjecttype', 'informatieobjecttypen']] as const) {
        const resolved = await resolveByKey(tx, table, collection, zaaktype.catalogus, ((d[field] as (string | null)[]) ?? []).filter((x): x is string => Boolean(x)));
        d[field] = resolved.keys;
        errors.push(...relationErrors(field, resolved.problems));
      }
      return errors;
    },
    toApi: resultaattypeToApi,
    expandable: ['zaaktype', 'catalogus', 'besluittypen', 'informatieobjecttypen'],
    async expand(db, part, zaaktype, fields, apiRoot) {
      const result = await partExpand(db, zaaktype, fields, apiRoot);
      const date = today();
      if (fields.includes('besluittypen')) {
        const bts = await repository.versionsByKey(db, 'besluittype', zaaktype.catalogus, (part.data.besluittypen as string[]) ?? [], { date });
        result.besluittypen = await Promise.all(bts.map((b) => besluittypeToApi(db, b, apiRoot, date)));
      }
      if (fields.includes('informatieobjecttypen')) {
        const iots = await repository.versionsByKey(db, 'informatieobjecttype', zaaktype.catalogus, (part.data.informatieobjecttypen as string[]) ?? [], { date });
        result.informatieobjecttypen = await Promise.all(iots.map((i) => informatieobjecttypeToApi(db, i, apiRoot, date)));
      }
      return result;
    },
    schemas: {
      read: ResultaatType,
      expanded: ResultaatTypeExpanded,
      listName: 'PaginatedResultaatTypeList',
      patch: PatchedResultaatType,
      create: ResultaatTypeCreate,
      update: ResultaatTypeCreate,
      updated: ResultaatTypeUpdate,
    },
    zaaktypeFilters: ['zaaktypeIdentificatie', 'status', 'datumGeldigheid'],
    snakeCaseAliases: true,
    summaries: {
      list: 'Alle RESULTAATTYPEn opvragen.',
      create: 'Maak een RESULTAATTYPE aan.',
      read: 'Een specifieke RESULTAATTYPE opvragen.',
      head: 'De headers voor een specifiek(e) RESULTAATTYPE opvragen ',
      update: 'Werk een RESULTAATTYPE in zijn geheel bij.',
      patch: 'Werk een RESULTAATTYPE deels bij.',
      destroy: 'Verwijder een RESULTAATTYPE.',
    },
  });
}

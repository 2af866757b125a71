/**
 * The besluit: list (filters, authorised besluittypen only), create, read, update, partial
 * update and delete, with `expand` of its besluittype and zaak.
 *
 * A besluit of a zaak is also registered in the Zaken API (a ZaakBesluit), which checks it
 * against this API: the besluit must exist and name the zaak (for a removal: no longer name
 * it). So the order is always: the local change in one transaction with its audit record and
 * notification, committed; then the relation in the Zaken API (relations.ts; in-process when
 * served here, and the embedded database's one connection must be free for the Zaken API to
 * read the besluit back). When the Zaken API refuses or cannot be reached, the local change is
 * undone in a second transaction (audited and announced like any change) and the client gets
 * 400 `pending-relations`, as from the reference implementation: no besluit is left that its
 * zaak does not know of, and no ZaakBesluit that its besluit does not name. Only when undoing
 * needs the other API again (re-registering what was removed) and that fails too is the
 * mismatch left, and logged.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { pageEnvelope } from '../../platform/http/pagination.ts';
import { Paginated, Type } from '../../platform/http/schema.ts';
import { auditToelichting, deleteAuditTrail } from '../../platform/audit/audit.ts';
import type { ReferenceResolver } from '../../platform/references/resolver.ts';
import { EXPAND, LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';
import { Besluit, BesluitExpanded } from './schemas.ts';
import * as repository from './repository.ts';
import type { BesluitFields, BesluitRow } from './repository.ts';
import { auditBesluit, assertMayAccess, notifyBesluit, visibleTo, BESLUITEN_AANMAKEN, BESLUITEN_BIJWERKEN, BESLUITEN_LEZEN, BESLUITEN_VERWIJDEREN } from './access.ts';
import { referencesFor, type References } from './references.ts';
import { RelationError, type BesluitRelations } from './relations.ts';
import { besluittypeOfZaaktype, checkRsin, datumInFuture, identificatieNietUniek, immutable, notPublished, pendingRelation } from './rules.ts';
import { expander } from './expand.ts';

export interface BesluitenDeps {
  database: Database;
  references: ReferenceResolver;
  relations: BesluitRelations;
}

const TAGS = ['besluiten'];
const UNIQUE_VIOLATION = '23505';

const VERVALREDENEN: Record<string, string> = {
  tijdelijk: 'Besluit met tijdelijke werking',
  ingetrokken_overheid: 'Besluit ingetrokken door overheid',
  ingetrokken_belanghebbende: 'Besluit ingetrokken o.v.v. belanghebbende',
};

export const besluitUrl = (apiRoot: string, uuid: string) => `${apiRoot}/besluiten/${uuid}`;

/** A besluit as the API shows it. `zaak` and `vervalreden` are '' when not set, as in the reference implementation. */
export function besluitToApi(row: BesluitRow, refs: References, apiRoot: string): Besluit {
  return {
    url: besluitUrl(apiRoot, row.uuid),
    identificatie: row.identificatie,
    verantwoordelijkeOrganisatie: row.verantwoordelijke_organisatie,
    besluittype: refs.shown(row.besluittype),
    zaak: row.zaak === '' ? '' : refs.shown(row.zaak),
    datum: row.datum,
    toelichting: row.toelichting,
    bestuursorgaan: row.bestuursorgaan,
    ingangsdatum: row.ingangsdatum,
    vervaldatum: row.vervaldatum,
    vervalreden: row.vervalreden as Besluit['vervalreden'],
    vervalredenWeergave: VERVALREDENEN[row.vervalreden] ?? '',
    publicatiedatum: row.publicatiedatum,
    verzenddatum: row.verzenddatum,
    uiterlijkeReactiedatum: row.uiterlijke_reactiedatum,
  };
}

/** The columns a full body sets; what it leaves out gets the standard's empty value. */
function fieldsOf(body: Besluit, refs: References): BesluitFields {
  return {
    identificatie: body.identificatie ?? '',
    verantwoordelijke_organisatie: body.verantwoordelijkeOrganisatie,
    besluittype: refs.stored(body.besluittype),
    zaak: body.zaak ? refs.stored(body.zaak) : '',
    datum: body.datum,
    toelichting: body.toelichting ?? '',
    bestuursorgaan: body.bestuursorgaan ?? '',
    ingangsdatum: body.ingangsdatum,
    vervaldatum: body.vervaldatum ?? null,
    vervalreden: body.vervalreden ?? '',
    publicatiedatum: body.publicatiedatum ?? null,
    verzenddatum: body.verzenddatum ?? null,
    uiterlijke_reactiedatum: body.uiterlijkeReactiedatum ?? null,
  };
}

/** The columns after a partial update: the current besluit, overwritten by what the body gives. */
function patched(current: BesluitRow, body: Partial<Besluit>, refs: References, apiRoot: string): BesluitFields {
  const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
  return fieldsOf({ ...besluitToApi(current, refs, apiRoot), ...given } as Besluit, refs);
}

/** Today in the Netherlands, the date a beslisdatum is compared with. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

const kenmerken = (besluit: Besluit) => ({ url: besluit.url!, verantwoordelijkeOrganisatie: besluit.verantwoordelijkeOrganisatie, besluittype: besluit.besluittype });

export function besluitOperations({ database, references: resolver, relations }: BesluitenDeps): Operation[] {
  async function load(uuid: string): Promise<BesluitRow> {
    const row = await repository.findBesluit(database.db, uuid);
    if (!row) throw notFound(`Besluit ${uuid} bestaat niet.`);
    return row;
  }

  /**
   * Every rule a besluit as it will be (`next`) must meet; `body` says what the client gave,
   * `current` is the besluit before an update. References are followed only where the body
   * names them: the besluittype (it must be published), the zaak (its zaaktype must allow the
   * besluittype).
   */
  async function check(refs: References, next: BesluitFields, body: Partial<Besluit>, current?: BesluitRow): Promise<void> {
    const errors: InvalidParam[] = [];
    if (current) {
      errors.push(
        ...immutable('identificatie', body.identificatie !== undefined && body.identificatie !== current.identificatie),
        ...immutable('verantwoordelijkeOrganisatie', body.verantwoordelijkeOrganisatie !== undefined && body.verantwoordelijkeOrganisatie !== current.verantwoordelijke_organisatie),
        ...immutable('besluittype', body.besluittype !== undefined && refs.stored(body.besluittype) !== current.besluittype),
      );
    } else {
      errors.push(...checkRsin(next.verantwoordelijke_organisatie, 'verantwoordelijkeOrganisatie'));
    }
    if (body.datum !== undefined) errors.push(...datumInFuture(next.datum, today()));

    const checkBesluittype = body.besluittype !== undefined && !errors.some((e) => e.name === 'besluittype');
    const checkZaak = body.zaak !== undefined && next.zaak !== '';
    let besluittype: Record<string, unknown> | undefined;
    if (checkBesluittype || checkZaak) {
      const found = await refs.fetch('besluittype', refs.shown(next.besluittype));
      if (found.ok) besluittype = found.resource;
      else if (checkBesluittype) errors.push(found.error);
      if (besluittype && checkBesluittype) errors.push(...notPublished(besluittype));
    }
    if (checkZaak) {
      const zaak = await refs.fetch('zaak', refs.shown(next.zaak));
      if (!zaak.ok) errors.push(zaak.error);
      else if (besluittype) {
        const zaaktype = await refs.fetch('zaaktype', String(zaak.resource.zaaktype), 'zaak');
        errors.push(...(zaaktype.ok ? besluittypeOfZaaktype(refs.shown(next.besluittype), besluittype, zaaktype.resource, refs.same) : [zaaktype.error]));
      }
    }
    if (errors.length) throw validationError(errors);
  }

  /** Runs `write` in one transaction; a second besluit with the same identificatie loses at the database. */
  async function transaction<T>(write: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await database.db.transaction().execute(write);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw validationError(identificatieNietUniek(true));
      throw error;
    }
  }

  async function create(body: Besluit, auth: Authorization, apiRoot: string, request: FastifyRequest) {
    const refs = referencesFor(resolver, apiRoot);
    const fields = fieldsOf(body, refs);
    assertMayAccess(auth, BESLUITEN_AANMAKEN, fields.besluittype, refs.stored);
    await check(refs, fields, body);
    const uuid = randomUUID();
    const url = besluitUrl(apiRoot, uuid);
    let row = await transaction(async (tx) => {
      if (fields.identificatie === '') fields.identificatie = await repository.nextIdentificatie(tx, fields.verantwoordelijke_organisatie, Number(fields.datum.slice(0, 4)));
      else if (await repository.identificatieTaken(tx, fields.verantwoordelijke_organisatie, fields.identificatie)) throw validationError(identificatieNietUniek(true));
      const row = await repository.insertBesluit(tx, uuid, fields);
      const nieuw = besluitToApi(row, refs, apiRoot);
      await auditBesluit(tx, auth, { besluit: url, resource: 'besluit', resourceUrl: url, resourceWeergave: row.identificatie, actie: 'create', resultaat: 201, nieuw, toelichting: auditToelichting(request.headers) });
      await notifyBesluit(tx, kenmerken(nieuw), 'create');
      return row;
    });
    if (row.zaak !== '') {
      try {
        const zaakbesluit = await relations.registerZaakBesluit(refs.shown(row.zaak), url, apiRoot);
        row = await database.db.transaction().execute((tx) => repository.updateBesluit(tx, row.id, { zaakbesluit }));
      } catch (error) {
        if (!(error instanceof RelationError)) throw error;
        // Undone as a delete is: the besluit, its audit trail, and a notification that it is gone.
        await database.db.transaction().execute(async (tx) => {
          await repository.deleteBesluit(tx, row.id);
          await deleteAuditTrail(tx, url);
          await notifyBesluit(tx, kenmerken(besluitToApi(row, refs, apiRoot)), 'destroy');
        });
        throw validationError(pendingRelation('zaak', error.message));
      }
    }
    return { status: 201, body: besluitToApi(row, refs, apiRoot), headers: { Location: url } };
  }

  async function update(uuid: string, body: Partial<Besluit>, actie: 'update' | 'partial_update', auth: Authorization, apiRoot: string, request: FastifyRequest) {
    const refs = referencesFor(resolver, apiRoot);
    const current = await load(uuid);
    assertMayAccess(auth, BESLUITEN_BIJWERKEN, current.besluittype, refs.stored);
    // The identificatie never changes (`check` refuses another); a full update may leave it out.
    const next = { ...(actie === 'update' ? fieldsOf(body as Besluit, refs) : patched(current, body, refs, apiRoot)), identificatie: current.identificatie };
    await check(refs, next, body, current);
    const url = besluitUrl(apiRoot, uuid);
    const oud = besluitToApi(current, refs, apiRoot);
    const record = async (tx: Tx, fields: Partial<BesluitRow>, change: { oud: Besluit; resultaat: number; toelichting?: string }) => {
      const row = await repository.updateBesluit(tx, current.id, fields);
      const nieuw = besluitToApi(row, refs, apiRoot);
      await auditBesluit(tx, auth, { besluit: url, resource: 'besluit', resourceUrl: url, resourceWeergave: row.identificatie, actie, resultaat: change.resultaat, oud: change.oud, nieuw, toelichting: change.toelichting });
      await notifyBesluit(tx, kenmerken(nieuw), actie);
      return row;
    };
    let row = await transaction((tx) => record(tx, next, { oud, resultaat: 200, toelichting: auditToelichting(request.headers) }));
    if (row.zaak === current.zaak) return { status: 200, body: besluitToApi(row, refs, apiRoot) };

    // The besluit moved to another zaak (or none): its old ZaakBesluit goes, a new one comes.
    let removed = false;
    try {
      if (current.zaakbesluit) {
        await relations.removeZaakBesluit(current.zaakbesluit, apiRoot);
        removed = true;
      }
      const zaakbesluit = row.zaak === '' ? null : await relations.registerZaakBesluit(refs.shown(row.zaak), url, apiRoot);
      row = await database.db.transaction().execute((tx) => repository.updateBesluit(tx, current.id, { zaakbesluit }));
      return { status: 200, body: besluitToApi(row, refs, apiRoot) };
    } catch (error) {
      if (!(error instanceof RelationError)) throw error;
      const { id: _id, uuid: _uuid, created_at: _created, ...before } = current;
      const reason = `Teruggedraaid: ${error.message}`;
      await database.db.transaction().execute((tx) => record(tx, { ...before, zaakbesluit: removed ? null : current.zaakbesluit }, { oud: besluitToApi(row, refs, apiRoot), resultaat: 400, toelichting: reason }));
      if (removed) await reregisterZaakBesluit(current, url, apiRoot, refs, request);
      throw validationError(pendingRelation('zaak', error.message));
    }
  }

  /** After an undone change or delete: the besluit's ZaakBesluit again. When that fails too, the mismatch is logged. */
  async function reregisterZaakBesluit(besluit: BesluitRow, url: string, apiRoot: string, refs: References, request: FastifyRequest): Promise<void> {
    try {
      const zaakbesluit = await relations.registerZaakBesluit(refs.shown(besluit.zaak), url, apiRoot);
      await database.db.transaction().execute((tx) => repository.updateBesluit(tx, besluit.id, { zaakbesluit }));
    } catch (error) {
      request.log.error({ err: error, besluit: url, zaak: refs.shown(besluit.zaak) }, 'het ZAAKBESLUIT van een hersteld besluit kon niet opnieuw geregistreerd worden');
    }
  }

  async function destroy(uuid: string, auth: Authorization, apiRoot: string, request: FastifyRequest) {
    const refs = referencesFor(resolver, apiRoot);
    const current = await load(uuid);
    assertMayAccess(auth, BESLUITEN_VERWIJDEREN, current.besluittype, refs.stored);
    const url = besluitUrl(apiRoot, uuid);
    const oud = besluitToApi(current, refs, apiRoot);
    const bios = await repository.besluitInformatieObjectenOf(database.db, current.id);
    await database.db.transaction().execute(async (tx) => {
      await repository.deleteBesluit(tx, current.id);
      await auditBesluit(tx, auth, { besluit: url, resource: 'besluit', resourceUrl: url, resourceWeergave: current.identificatie, actie: 'destroy', resultaat: 204, oud, toelichting: auditToelichting(request.headers) });
      await notifyBesluit(tx, kenmerken(oud), 'destroy');
    });

    // Then its relations elsewhere: the ZaakBesluit, and the ObjectInformatieObjecten of its
    // besluitinformatieobjecten (the Documenten API removes one only once ours is gone).
    let zaakbesluitRemoved = false;
    const removedOios: repository.BesluitInformatieObjectRow[] = [];
    try {
      if (current.zaakbesluit) {
        await relations.removeZaakBesluit(current.zaakbesluit, apiRoot);
        zaakbesluitRemoved = true;
      }
      for (const bio of bios) {
        if (!bio.objectinformatieobject) continue;
        await relations.removeObjectInformatieObject(bio.objectinformatieobject, apiRoot);
        removedOios.push(bio);
      }
    } catch (error) {
      if (!(error instanceof RelationError)) throw error;
      // Put the besluit back as it was, then what was removed elsewhere.
      await database.db.transaction().execute(async (tx) => {
        await repository.restoreBesluit(
          tx,
          { ...current, zaakbesluit: zaakbesluitRemoved ? null : current.zaakbesluit },
          bios.map((b) => (removedOios.includes(b) ? { ...b, objectinformatieobject: null } : b)),
        );
        await auditBesluit(tx, auth, { besluit: url, resource: 'besluit', resourceUrl: url, resourceWeergave: current.identificatie, actie: 'create', resultaat: 400, nieuw: oud, toelichting: `Hersteld: ${error.message}` });
        await notifyBesluit(tx, kenmerken(oud), 'create');
      });
      if (zaakbesluitRemoved) await reregisterZaakBesluit(current, url, apiRoot, refs, request);
      for (const bio of removedOios) {
        try {
          const oio = await relations.registerObjectInformatieObject(refs.shown(bio.informatieobject), url, apiRoot);
          await database.db.transaction().execute((tx) => repository.setObjectInformatieObject(tx, bio.id, oio));
        } catch (again) {
          request.log.error({ err: again, besluit: url, informatieobject: refs.shown(bio.informatieobject) }, 'het OBJECTINFORMATIEOBJECT van een hersteld besluit kon niet opnieuw geregistreerd worden');
        }
      }
      const refusedBy = current.zaakbesluit && !zaakbesluitRemoved ? 'zaak' : 'informatieobject';
      throw validationError(pendingRelation(refusedBy, error.message));
    }
    // Gone for good: "Verwijder een BESLUIT samen met … audit trail regels". Kept until here so a
    // besluit that had to be put back keeps its history.
    await database.db.transaction().execute((tx) => deleteAuditTrail(tx, url));
    return { status: 204 };
  }

  const besluitBody = { body: Besluit, auditHeaders: true } as const;

  return [
    defineOperation({
      method: 'GET',
      path: '/besluiten',
      operationId: 'besluit_list',
      summary: 'Alle BESLUITen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [BESLUITEN_LEZEN],
      query: Type.Object({
        identificatie: Type.Optional(Type.String({ description: 'Identificatie van het besluit binnen de organisatie die het besluit heeft vastgesteld. Indien deze niet opgegeven is, dan wordt die gegenereerd.' })),
        verantwoordelijkeOrganisatie: Type.Optional(Type.String({ description: 'Het RSIN van de niet-natuurlijk persoon zijnde de organisatie die het besluit heeft vastgesteld.' })),
        besluittype: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar het BESLUITTYPE (in de Catalogi API).' })),
        zaak: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar de ZAAK (in de Zaken API) waarvan dit besluit uitkomst is.' })),
        page: Type.Optional(PAGE),
        expand: Type.Optional(EXPAND),
      }),
      responses: { 200: { description: 'OK', schema: Paginated(BesluitExpanded) } },
      async handler({ query, auth, apiRoot, request }) {
        const refs = referencesFor(resolver, apiRoot);
        const expansion = expander(query.expand, ['besluittype', 'zaak'], refs, auth);
        const page = query.page ?? 1;
        const filter = {
          identificatie: query.identificatie,
          verantwoordelijkeOrganisatie: query.verantwoordelijkeOrganisatie,
          besluittype: query.besluittype === undefined ? undefined : refs.stored(query.besluittype),
          zaak: query.zaak === undefined ? undefined : refs.stored(query.zaak),
          page,
        };
        const { count, results } = await repository.listBesluiten(database.db, filter, visibleTo(auth, BESLUITEN_LEZEN, refs.stored));
        const body = await Promise.all(results.map((row) => withExpand(besluitToApi(row, refs, apiRoot), expansion)));
        return { status: 200, body: pageEnvelope(`${apiRoot}/besluiten`, request, page, count, body) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/besluiten',
      operationId: 'besluit_create',
      summary: 'Maak een BESLUIT aan.',
      description: DESCRIPTIONS.create,
      tags: TAGS,
      scopes: [BESLUITEN_AANMAKEN],
      ...besluitBody,
      responses: { 201: { description: 'Created', schema: Besluit, headers: LOCATION } },
      handler: ({ body, auth, apiRoot, request }) => create(body, auth, apiRoot, request),
    }),
    defineOperation({
      method: 'GET',
      path: '/besluiten/{uuid}',
      operationId: 'besluit_read',
      summary: 'Een specifiek BESLUIT opvragen.',
      description: 'Een specifiek BESLUIT opvragen.',
      tags: TAGS,
      scopes: [BESLUITEN_LEZEN],
      params: UuidParams,
      query: Type.Object({ expand: Type.Optional(EXPAND) }),
      responses: { 200: { description: 'OK', schema: BesluitExpanded } },
      async handler({ params, query, auth, apiRoot }) {
        const refs = referencesFor(resolver, apiRoot);
        const row = await load(params.uuid);
        assertMayAccess(auth, BESLUITEN_LEZEN, row.besluittype, refs.stored);
        const expansion = expander(query.expand, ['besluittype', 'zaak'], refs, auth);
        return { status: 200, body: await withExpand(besluitToApi(row, refs, apiRoot), expansion) };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/besluiten/{uuid}',
      operationId: 'besluit_update',
      summary: 'Werk een BESLUIT in zijn geheel bij.',
      description: DESCRIPTIONS.update,
      tags: TAGS,
      scopes: [BESLUITEN_BIJWERKEN],
      params: UuidParams,
      ...besluitBody,
      responses: { 200: { description: 'OK', schema: Besluit } },
      handler: ({ params, body, auth, apiRoot, request }) => update(params.uuid, body, 'update', auth, apiRoot, request),
    }),
    defineOperation({
      method: 'PATCH',
      path: '/besluiten/{uuid}',
      operationId: 'besluit_partial_update',
      summary: 'Werk een BESLUIT deels bij.',
      description: DESCRIPTIONS.update,
      tags: TAGS,
      scopes: [BESLUITEN_BIJWERKEN],
      params: UuidParams,
      ...besluitBody,
      responses: { 200: { description: 'OK', schema: Besluit } },
      handler: ({ params, body, auth, apiRoot, request }) => update(params.uuid, body, 'partial_update', auth, apiRoot, request),
    }),
    defineOperation({
      method: 'DELETE',
      path: '/besluiten/{uuid}',
      operationId: 'besluit_delete',
      summary: 'Verwijder een BESLUIT.',
      description: DESCRIPTIONS.destroy,
      tags: TAGS,
      scopes: [BESLUITEN_VERWIJDEREN],
      params: UuidParams,
      auditHeaders: true,
      responses: { 204: { description: 'No content' } },
      handler: ({ params, auth, apiRoot, request }) => destroy(params.uuid, auth, apiRoot, request),
    }),
  ];
}

async function withExpand(besluit: Besluit, expansion: ReturnType<typeof expander>): Promise<Record<string, unknown>> {
  if (!expansion.fields.length) return besluit;
  return { ...besluit, _expand: await expansion.expand({ besluittype: besluit.besluittype, zaak: besluit.zaak ?? '' }) };
}

const VALIDATIONS = `- uniciteit van \`verantwoorlijkeOrganisatie\` + \`identificatie\`
- geldigheid \`verantwoorlijkeOrganisatie\` RSIN`;
const DESCRIPTIONS = {
  create: `Indien geen identificatie gegeven is, dan wordt deze automatisch
gegenereerd.

Er wordt gevalideerd op:
${VALIDATIONS}
- geldigheid \`besluittype\` URL - de resource moet opgevraagd kunnen
  worden uit de Catalogi API en de vorm van een BESLUITTYPE hebben.
- geldigheid \`zaak\` URL - de resource moet opgevraagd kunnen worden
  uit de Zaken API en de vorm van een ZAAK hebben.
- \`datum\` in het verleden of nu
- publicatie \`besluittype\` - \`concept\` moet \`false\` zijn`,
  update: `Er wordt gevalideerd op:
${VALIDATIONS}
- het \`besluittype\` mag niet gewijzigd worden
- geldigheid \`zaak\` URL - de resource moet opgevraagd kunnen worden
  uit de Zaken API en de vorm van een ZAAK hebben.
- \`datum\` in het verleden of nu
- publicatie \`besluittype\` - \`concept\` moet \`false\` zijn`,
  destroy: `Verwijder een BESLUIT samen met alle gerelateerde resources binnen deze API.

**De gerelateerde resources zijn**
- \`BESLUITINFORMATIEOBJECT\`
- audit trail regels`,
};

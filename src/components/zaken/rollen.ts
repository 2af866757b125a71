/**
 * Rollen: a betrokkene (natuurlijk persoon, niet-natuurlijk persoon, vestiging,
 * organisatorische eenheid or medewerker) in a ROL at a zaak. The rol's `omschrijving` and
 * `omschrijvingGeneriek` come from its roltype, which must belong to the zaak's zaaktype
 * (zrc-019, `zaaktype-mismatch`); `statussen` are the statussen it set (`status.gezetdoor`).
 * The standard has no update of a rol: create, read, delete.
 *
 * Rules as the reference implementation applies them: a zaak has at most one initiator and one
 * zaakcoordinator (`max-occurences` on `roltype`), a rol names its betrokkene by URL or by
 * identificatie (`invalid-betrokkene`), and an archived zaak gets no new rollen.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Authorization } from '../../platform/auth/authorization.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { Enum, named, Type } from '../../platform/http/schema.ts';
import type { ZakenDeps } from './index.ts';
import { checkBelongsToZaaktype } from './catalogi.ts';
import { PaginatedRolList, Rol } from './schemas.ts';
import { shownUrl, storedUrl } from './urls.ts';
import { assertMayChange, assertMayRead, auditToelichting, recordZaakMutation, zaakFromUrl, zaakUrl, ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN, ZAKEN_LEZEN } from './zaak-access.ts';
import { loggedRead, rolSubjects } from './personal-data.ts';
import { answerSchema, checkArchiefstatus, dateTime, loadSubResource, pageOfRows, readableSubResources, ZAAK_FILTER, type SubResourceRow } from './sub-resources.ts';
import { LOCATION, PAGE, UuidParams } from '../../platform/http/parameters.ts';

const TAGS = ['rollen'];
const CHANGE = [ZAKEN_BIJWERKEN, ZAKEN_GEFORCEERD_BIJWERKEN];
/** "Een ZAAK heeft maximaal één initiator en één zaakcoördinator." */
const AT_MOST_ONE = ['initiator', 'zaakcoordinator'];

const RolAnswer = answerSchema(Rol);
const RolList = named('PaginatedRolList', Type.Object({ ...PaginatedRolList.properties, results: Type.Optional(Type.Array(RolAnswer)) }));

/** `betrokkeneIdentificatie__<variant>__<attribuut>` filters: the betrokkeneType and the identifying attribute. */
const IDENTIFICATIE_FILTERS = {
  betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: ['natuurlijk_persoon', 'inpBsn', 'Het burgerservicenummer, bedoeld in artikel 1.1 van de Wet algemene bepalingen burgerservicenummer.'],
  betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: ['natuurlijk_persoon', 'anpIdentificatie', 'Het door de gemeente uitgegeven unieke nummer voor een ANDER NATUURLIJK PERSOON'],
  betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: ['natuurlijk_persoon', 'inpA_nummer', 'Het administratienummer van de persoon, bedoeld in de Wet BRP'],
  betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: ['niet_natuurlijk_persoon', 'innNnpId', 'Het door een kamer toegekend uniek nummer voor de INGESCHREVEN NIET-NATUURLIJK PERSOON'],
  betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: ['niet_natuurlijk_persoon', 'annIdentificatie', 'Het door de gemeente uitgegeven unieke nummer voor een ANDER NIET-NATUURLIJK PERSOON'],
  betrokkeneIdentificatie__vestiging__vestigingsNummer: ['vestiging', 'vestigingsNummer', 'Een korte unieke aanduiding van de Vestiging.'],
  betrokkeneIdentificatie__organisatorischeEenheid__identificatie: ['organisatorische_eenheid', 'identificatie', 'Een korte identificatie van de organisatorische eenheid.'],
  betrokkeneIdentificatie__medewerker__identificatie: ['medewerker', 'identificatie', 'Een korte unieke aanduiding van de MEDEWERKER.'],
} as const;

const BETROKKENE_TYPEN = ['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging', 'organisatorische_eenheid', 'medewerker'] as const;
const OMSCHRIJVINGEN_GENERIEK = ['adviseur', 'behandelaar', 'belanghebbende', 'beslisser', 'initiator', 'klantcontacter', 'zaakcoordinator', 'mede_initiator'] as const;

const RolQuery = Type.Object({
  zaak: Type.Optional(ZAAK_FILTER),
  betrokkene: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar een betrokkene gerelateerd aan de ZAAK.' })),
  betrokkeneType: Type.Optional(Enum(BETROKKENE_TYPEN, { description: 'Type van de `betrokkene`.' })),
  ...Object.fromEntries(Object.entries(IDENTIFICATIE_FILTERS).map(([name, [, , description]]) => [name, Type.Optional(Type.String({ description }))])),
  roltype: Type.Optional(Type.String({ format: 'uri', description: 'URL-referentie naar een roltype binnen het ZAAKTYPE van de ZAAK.' })),
  omschrijving: Type.Optional(Type.String({ description: 'Omschrijving van de aard van de ROL, afgeleid uit het ROLTYPE.' })),
  omschrijvingGeneriek: Type.Optional(Enum(OMSCHRIJVINGEN_GENERIEK, { description: 'Algemeen gehanteerde benaming van de aard van de ROL, afgeleid uit het ROLTYPE.' })),
  page: Type.Optional(PAGE),
});

type Body = Record<string, unknown>;

export function rolUrl(apiRoot: string, uuid: string): string {
  return `${apiRoot}/rollen/${uuid}`;
}

/** The path a status's `gezetdoor` stores for a rol (our own URLs are stored as paths). */
function rolPath(uuid: string): string {
  return `/zaken/api/v1/rollen/${uuid}`;
}

export function rolOperations(deps: ZakenDeps): Operation[] {
  const { database, catalogi } = deps;

  /** Rollen as the API shows them, with the statussen each one set. */
  async function toApi(db: Db | Tx, rows: SubResourceRow[], apiRoot: string): Promise<Record<string, unknown>[]> {
    const set = new Map<string, string[]>();
    if (rows.length) {
      const statussen = await db
        .selectFrom('zaken.status')
        .select(['uuid', 'gezetdoor'])
        .where('gezetdoor', 'in', rows.map((r) => rolPath(r.uuid)))
        .orderBy('datum_status_gezet')
        .orderBy('id')
        .execute();
      for (const s of statussen) set.set(s.gezetdoor as string, [...(set.get(s.gezetdoor as string) ?? []), `${apiRoot}/statussen/${s.uuid}`]);
    }
    return rows.map((row) => ({
      url: rolUrl(apiRoot, row.uuid),
      uuid: row.uuid,
      zaak: zaakUrl(apiRoot, row.zaak_uuid),
      betrokkene: row.betrokkene === '' ? '' : shownUrl(row.betrokkene, apiRoot),
      betrokkeneType: row.betrokkene_type,
      afwijkendeNaamBetrokkene: row.afwijkende_naam_betrokkene,
      roltype: shownUrl(row.roltype, apiRoot),
      omschrijving: row.omschrijving,
      omschrijvingGeneriek: row.omschrijving_generiek,
      roltoelichting: row.roltoelichting,
      registratiedatum: dateTime(row.registratiedatum),
      indicatieMachtiging: row.indicatie_machtiging,
      contactpersoonRol: row.contactpersoon_rol,
      statussen: set.get(rolPath(row.uuid)) ?? [],
      ...(row.betrokkene_identificatie ? { betrokkeneIdentificatie: row.betrokkene_identificatie } : {}),
    }));
  }

  /** One page of the rollen the client may read, filtered as the query asks. */
  async function page(db: Db, q: Record<string, string | undefined> & { page?: number }, auth: Authorization, apiRoot: string, request: FastifyRequest) {
    let rows = readableSubResources(db, 'rol', auth, apiRoot, q.zaak);
    if (q.betrokkene !== undefined) rows = rows.where('part.betrokkene', '=', storedUrl(q.betrokkene, apiRoot));
    if (q.betrokkeneType !== undefined) rows = rows.where('part.betrokkene_type', '=', q.betrokkeneType);
    if (q.roltype !== undefined) rows = rows.where('part.roltype', '=', storedUrl(q.roltype, apiRoot));
    if (q.omschrijving !== undefined) rows = rows.where('part.omschrijving', '=', q.omschrijving);
    if (q.omschrijvingGeneriek !== undefined) rows = rows.where('part.omschrijving_generiek', '=', q.omschrijvingGeneriek);
    for (const [name, [betrokkeneType, attribute]] of Object.entries(IDENTIFICATIE_FILTERS)) {
      const value = q[name];
      // The variant's type with its attribute as a literal: the partial indexes of migration 001 answer these.
      if (value !== undefined) rows = rows.where('part.betrokkene_type', '=', betrokkeneType).where(sql<string>`part.betrokkene_identificatie ->> ${sql.lit(attribute)}`, '=', value);
    }
    return pageOfRows(rows, request, `${apiRoot}/rollen`, q.page ?? 1, (rows) => toApi(db, rows, apiRoot));
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/rollen',
      operationId: 'rol_list',
      summary: 'Alle ROLlen bij ZAAKen opvragen.',
      description: 'Deze lijst kan gefilterd wordt met query-string parameters.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      query: RolQuery,
      responses: { 200: { description: 'OK', schema: RolList } },
      async handler({ query, auth, apiRoot, request }) {
        const q = query as Record<string, string | undefined> & { page?: number };
        const body = await loggedRead(deps, request, auth, 'rol_list', (db) => page(db, q, auth, apiRoot, request), (page) => rolSubjects(page.results));
        return { status: 200, body };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/rollen',
      operationId: 'rol_create',
      summary: 'Maak een ROL aan bij een ZAAK.',
      description: 'Maak een ROL aan bij een ZAAK.',
      tags: TAGS,
      scopes: CHANGE,
      auditHeaders: true,
      body: Rol,
      responses: { 201: { description: 'Created', schema: RolAnswer, headers: LOCATION } },
      async handler({ body, auth, apiRoot, request }) {
        const b = body as Body;
        const zaak = await zaakFromUrl(database.db, b.zaak as string, apiRoot);
        assertMayChange(auth, zaak, CHANGE);
        const roltype = await catalogi.fetch('roltype', b.roltype as string, apiRoot);
        const identificatie = b.betrokkeneIdentificatie as Body | undefined;
        const hasIdentificatie = identificatie !== undefined && Object.keys(identificatie).length > 0;
        const uuid = randomUUID();
        const created = await database.db.transaction().execute(async (tx: Tx) => {
          const errors: InvalidParam[] = [];
          if (!roltype.ok) errors.push(roltype.error);
          else {
            errors.push(...checkBelongsToZaaktype('nonFieldErrors', roltype.resource, zaak.zaaktype, apiRoot));
            errors.push(...(await checkOccurrences(tx, zaak.id, String(roltype.resource.omschrijvingGeneriek ?? ''))));
          }
          errors.push(...(await checkArchiefstatus(tx, zaak)));
          if (!b.betrokkene && !hasIdentificatie) errors.push({ name: 'nonFieldErrors', code: 'invalid-betrokkene', reason: 'betrokkene or betrokkeneIdentificatie must be provided' });
          if (errors.length) throw validationError(errors);
          const resource = roltype.ok ? roltype.resource : {};
          await tx
            .insertInto('zaken.rol')
            .values({
              uuid,
              zaak_id: zaak.id,
              betrokkene: b.betrokkene ? storedUrl(b.betrokkene as string, apiRoot) : '',
              betrokkene_type: b.betrokkeneType as string,
              afwijkende_naam_betrokkene: (b.afwijkendeNaamBetrokkene as string | undefined) ?? '',
              roltype: storedUrl(b.roltype as string, apiRoot),
              omschrijving: String(resource.omschrijving ?? ''),
              omschrijving_generiek: String(resource.omschrijvingGeneriek ?? ''),
              roltoelichting: b.roltoelichting as string,
              indicatie_machtiging: (b.indicatieMachtiging as string | undefined) ?? '',
              contactpersoon_rol: b.contactpersoonRol ? JSON.stringify(b.contactpersoonRol) : null,
              betrokkene_identificatie: hasIdentificatie ? JSON.stringify(identificatie) : null,
            })
            .execute();
          const row = (await loadSubResource(tx, 'rol', uuid, apiRoot)).row;
          const [nieuw] = await toApi(tx, [row], apiRoot);
          await recordZaakMutation(tx, auth, { zaak, resource: 'rol', resourceUrl: rolUrl(apiRoot, uuid), actie: 'create', resultaat: 201, nieuw, resourceWeergave: String(nieuw!.omschrijving), toelichting: auditToelichting(request.headers) });
          return nieuw!;
        });
        return { status: 201, body: created, headers: { Location: rolUrl(apiRoot, uuid) } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/rollen/{uuid}',
      operationId: 'rol_retrieve',
      summary: 'Een specifieke ROL bij een ZAAK opvragen.',
      description: 'Een specifieke ROL bij een ZAAK opvragen.',
      tags: TAGS,
      scopes: [ZAKEN_LEZEN],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: RolAnswer } },
      head: { operationId: 'rol_headers', summary: 'De headers voor een specifiek(e) ROL opvragen ' },
      etag: true,
      async handler({ params, auth, apiRoot, request }) {
        const rol = await loggedRead(
          deps,
          request,
          auth,
          'rol_retrieve',
          async (db) => {
            const { row, zaak } = await loadSubResource(db, 'rol', params.uuid, apiRoot);
            assertMayRead(auth, zaak);
            return (await toApi(db, [row], apiRoot))[0]!;
          },
          (rol) => rolSubjects([rol]),
        );
        return { status: 200, body: rol };
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/rollen/{uuid}',
      operationId: 'rol_destroy',
      summary: 'Verwijder een ROL van een ZAAK.',
      description: 'Verwijder een ROL van een ZAAK.',
      tags: TAGS,
      scopes: CHANGE,
      auditHeaders: true,
      params: UuidParams,
      responses: { 204: { description: 'No content', bare: true } },
      async handler({ params, auth, apiRoot, request }) {
        const { row, zaak } = await loadSubResource(database.db, 'rol', params.uuid, apiRoot);
        assertMayChange(auth, zaak, CHANGE);
        await database.db.transaction().execute(async (tx: Tx) => {
          const [oud] = await toApi(tx, [row], apiRoot);
          // A status keeps no URL to a rol that is gone; the reference deletes such statussen, which would reopen or change the zaak.
          await tx.updateTable('zaken.status').set({ gezetdoor: null }).where('gezetdoor', '=', rolPath(row.uuid)).execute();
          await tx.deleteFrom('zaken.rol').where('id', '=', row.id).execute();
          await recordZaakMutation(tx, auth, { zaak, resource: 'rol', resourceUrl: rolUrl(apiRoot, row.uuid), actie: 'destroy', resultaat: 204, oud, resourceWeergave: row.omschrijving, toelichting: auditToelichting(request.headers) });
        });
        return { status: 204 };
      },
    }),
  ];
}

/** At most one initiator and one zaakcoordinator per zaak (`max-occurences` on `roltype`). */
async function checkOccurrences(tx: Tx, zaakId: number, omschrijvingGeneriek: string): Promise<InvalidParam[]> {
  if (!AT_MOST_ONE.includes(omschrijvingGeneriek)) return [];
  const { count } = await tx
    .selectFrom('zaken.rol')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('zaak_id', '=', zaakId)
    .where('omschrijving_generiek', '=', omschrijvingGeneriek)
    .executeTakeFirstOrThrow();
  if (Number(count) === 0) return [];
  return [{ name: 'roltype', code: 'max-occurences', reason: `There are already ${count} \`${omschrijvingGeneriek}\` occurences` }];
}


/**
 * Reserveringen: a funeral's time slot (and grave place) held for it. The rule that a slot or
 * a grafplaats is never held twice is the database's (two partial unique indexes, see
 * migrations/001): whatever runs concurrently, the second insert or update that would make a
 * second active reservation fails, and is answered 409. A `voorlopig` reservation holds until
 * its verlooptOp; the transaction that wants its slot or grafplaats afterwards first sets it
 * to verlopen (repository.releaseExpired).
 *
 * Every change is one transaction with its audit record and its notificatie (kanaal
 * `begraafplaatsen`, resource `reservering`, kenmerk `begraafplaats`).
 */
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { pageEnvelope } from '../../platform/http/pagination.ts';
import { invalidParam, notFound, permissionDenied, ProblemError } from '../../platform/http/problem.ts';
import { Enum, Type, Url } from '../../platform/http/schema.ts';
import { recordMutation } from '../../platform/events/mutation.ts';
import { auditToelichting } from '../../platform/audit/audit.ts';
import type { FastifyRequest } from 'fastify';
import * as repository from './repository.ts';
import { PaginatedReserveringList, PatchedReservering, Reservering, RESERVERING_STATUSSEN, ReserveringCreate, type ReserveringStatus } from './schemas.ts';
import { begraafplaatsOf, dag, PAGE, UuidParams } from './resources.ts';
import { instant, isoLokaal, lokaal, slotStarts } from './tijd.ts';
import { filterUuid, ownUuid, urls } from './urls.ts';
import { COMPONENT, LEZEN, RESERVEREN, SCOPE_BEHEREN } from './scopes.ts';

export const KANAAL = 'begraafplaatsen';
/** How long a voorlopig reservation holds, by default: half an hour to finish the request. */
export const DEFAULT_GELDIGHEID_MINUTEN = 30;
const UNIQUE_VIOLATION = '23505';
const LOCATION = { Location: { description: 'URL waar de resource leeft.', schema: { type: 'string', format: 'uri' } } };

/** Status changes a client may make; anything else is answered 409. */
const OVERGANGEN: Record<ReserveringStatus, ReserveringStatus[]> = {
  voorlopig: ['aangevraagd', 'geannuleerd'],
  aangevraagd: ['bevestigd', 'geannuleerd'],
  bevestigd: ['geannuleerd'],
  geannuleerd: [],
  // An expired hold holds nothing; cancelling it only says so.
  verlopen: ['geannuleerd'],
};

const conflict = (code: string, detail: string) => new ProblemError({ status: 409, code, title: 'Conflict.', detail });
const tijdslotBezet = () => conflict('tijdslot-bezet', 'Dit tijdslot is al gereserveerd.');
const grafplaatsBezet = () => conflict('grafplaats-bezet', 'Deze grafplaats is al bezet of gereserveerd.');
const geenTijdslot = (reason: string) =>
  new ProblemError({ status: 400, code: 'geen-tijdslot', title: 'Geen tijdslot.', detail: reason, invalidParams: [{ name: 'start', code: 'geen-tijdslot', reason }] });

/** A start as an instant: with an offset as given, without one on the Amsterdam clock. */
function parseStart(value: string): Date {
  const text = value.replace(' ', 'T');
  if (/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(text)) return new Date(text);
  const [datum, tijd] = text.split('T') as [string, string];
  return instant(datum, tijd.slice(0, 8));
}

export interface ReserveringenOptions {
  /** Minutes a voorlopig reservation holds its slot and grafplaats. */
  geldigheidMinuten?: number;
}

export function reserveringOperations(database: Database, options: ReserveringenOptions = {}): Operation[] {
  const db = database.db;
  const geldigheid = (options.geldigheidMinuten ?? DEFAULT_GELDIGHEID_MINUTEN) * 60_000;
  const TAGS = ['reserveringen'];

  const toApi = (r: repository.ReserveringRow, apiRoot: string) => {
    const u = urls(apiRoot);
    return {
      url: u.reservering(r.uuid),
      uuid: r.uuid,
      begraafplaats: u.begraafplaats(r.begraafplaats),
      start: isoLokaal(new Date(r.start)),
      eind: isoLokaal(new Date(r.eind)),
      grafplaats: r.grafplaats ? u.grafplaats(r.grafplaats) : null,
      zaak: r.zaak,
      status: r.status,
      verlooptOp: r.status === 'voorlopig' || r.status === 'verlopen' ? isoLokaal(new Date(r.verlooptOp!)) : null,
      aanmaakdatum: isoLokaal(new Date(r.aanmaakdatum)),
    };
  };

  async function existing(uuid: string) {
    const found = await repository.findReservering(db, uuid);
    if (!found) throw notFound(`Reservering ${uuid} bestaat niet.`);
    return found;
  }

  /** A start that is a slot of the begraafplaats: on its grid, in its opening hours, not closed, not past. */
  function checkSlot(begraafplaats: repository.BegraafplaatsRow, start: Date): void {
    if (Number.isNaN(start.getTime())) throw geenTijdslot('Ongeldig tijdstip.');
    if (start.getTime() <= Date.now()) throw geenTijdslot('Dit tijdstip is voorbij.');
    const { datum } = lokaal(start);
    if (begraafplaats.sluitingsdagen.includes(datum)) throw geenTijdslot(`De begraafplaats is op ${datum} gesloten.`);
    const starts = slotStarts(datum, begraafplaats.openingstijden, [], begraafplaats.slotduur);
    if (!starts.some((s) => s.getTime() === start.getTime())) {
      throw geenTijdslot(`${isoLokaal(start)} is geen tijdslot van ${begraafplaats.naam} (openingstijden en slotduur ${begraafplaats.slotduur} minuten).`);
    }
  }

  /** The grafplaats a body names: one of ours, on this begraafplaats, not bezet. */
  async function grafplaatsOf(url: string | null | undefined, begraafplaats: string): Promise<string | null> {
    if (!url) return null;
    const uuid = ownUuid(url, 'grafplaatsen');
    const found = uuid && (await repository.findGrafplaats(db, uuid));
    if (!found) throw invalidParam('grafplaats', 'does_not_exist', `Grafplaats ${url} bestaat niet.`);
    if (found.begraafplaats !== begraafplaats) throw invalidParam('grafplaats', 'andere-begraafplaats', 'De grafplaats ligt niet op de begraafplaats van de reservering.');
    if (found.status === 'bezet') throw grafplaatsBezet();
    return found.uuid;
  }

  /**
   * Runs a change in one transaction with its audit record and notificatie; a unique index
   * violation (a concurrent or existing active reservation) becomes the 409 of its rule.
   */
  async function mutate(
    { auth, apiRoot, request }: { auth: Authorization; apiRoot: string; request: FastifyRequest },
    actie: 'create' | 'partial_update' | 'destroy',
    uuid: string,
    change: (tx: Tx) => Promise<repository.ReserveringRow | undefined>,
    oud?: ReturnType<typeof toApi>,
  ) {
    const url = urls(apiRoot).reservering(uuid);
    try {
      return await db.transaction().execute(async (tx) => {
        const row = await change(tx);
        const nieuw = row ? toApi(row, apiRoot) : undefined;
        const begraafplaats = (nieuw ?? oud)!.begraafplaats;
        await recordMutation(tx, auth, {
          component: KANAAL,
          kanaal: KANAAL,
          hoofdObject: url,
          resource: 'reservering',
          resourceUrl: url,
          resourceWeergave: `Reservering ${(nieuw ?? oud)!.start}`,
          actie,
          resultaat: actie === 'create' ? 201 : actie === 'destroy' ? 204 : 200,
          oud,
          nieuw,
          kenmerken: { begraafplaats },
          toelichting: auditToelichting(request.headers),
        });
        return nieuw;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const constraint = (error as { constraint?: string }).constraint;
        if (constraint === repository.TIJDSLOT_INDEX) throw tijdslotBezet();
        if (constraint === repository.GRAFPLAATS_INDEX) throw grafplaatsBezet();
      }
      throw error;
    }
  }

  return [
    defineOperation({
      method: 'GET',
      path: '/reserveringen',
      operationId: 'reservering_list',
      summary: 'Alle reserveringen opvragen.',
      description: 'Reserveringen op volgorde van start; te filteren op begraafplaats, dag, zaak en status.',
      tags: TAGS,
      scopes: LEZEN,
      query: Type.Object({
        begraafplaats: Type.Optional(Url({ description: 'URL-referentie naar de begraafplaats.' })),
        datum: Type.Optional(Type.String({ format: 'date', description: 'Reserveringen die op deze dag (Nederlandse kalender) beginnen.' })),
        zaak: Type.Optional(Url({ description: 'URL-referentie naar de zaak.' })),
        status: Type.Optional(Enum(RESERVERING_STATUSSEN, { description: 'De status, zoals de reservering die toont (verlopen: voorlopig en voorbij verlooptOp).' })),
        page: Type.Optional(PAGE),
      }),
      responses: { 200: { description: 'OK', schema: PaginatedReserveringList } },
      async handler({ query, apiRoot, request }) {
        const n = query.page ?? 1;
        const filter = { begraafplaats: filterUuid(query.begraafplaats, 'begraafplaatsen'), zaak: query.zaak, status: query.status, periode: query.datum ? dag(query.datum) : undefined };
        const { count, results } = await repository.listReserveringen(db, filter, n);
        return { status: 200, body: pageEnvelope(`${apiRoot}/reserveringen`, request, n, count, results.map((r) => toApi(r, apiRoot))) };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/reserveringen',
      operationId: 'reservering_create',
      summary: 'Een tijdslot (en grafplaats) reserveren.',
      description: `Maakt een voorlopige reservering die het tijdslot en de grafplaats vasthoudt tot verlooptOp (standaard ${DEFAULT_GELDIGHEID_MINUTEN} minuten). 409 met code tijdslot-bezet of grafplaats-bezet als een actieve reservering ze al vasthoudt (ook bij gelijktijdige verzoeken); 400 met code geen-tijdslot als start geen tijdslot van de openingstijden is, voorbij is of op een sluitingsdag valt.`,
      tags: TAGS,
      scopes: RESERVEREN,
      auditHeaders: true,
      body: ReserveringCreate,
      responses: { 201: { description: 'Created', schema: Reservering, headers: LOCATION } },
      async handler(ctx) {
        const { body } = ctx;
        const begraafplaats = await begraafplaatsOf(database, body.begraafplaats);
        const start = parseStart(body.start);
        checkSlot(begraafplaats, start);
        const grafplaats = await grafplaatsOf(body.grafplaats, begraafplaats.uuid);
        const uuid = randomUUID();
        const nieuw = await mutate(ctx, 'create', uuid, async (tx) => {
          await repository.releaseExpired(tx, begraafplaats.uuid, start, grafplaats);
          const now = Date.now();
          await repository.insertReservering(tx, {
            uuid,
            begraafplaats: begraafplaats.uuid,
            start,
            eind: new Date(start.getTime() + begraafplaats.slotduur * 60_000),
            grafplaats,
            zaak: body.zaak ?? null,
            status: 'voorlopig',
            verlooptOp: new Date(now + geldigheid),
          });
          return repository.findReservering(tx, uuid);
        });
        return { status: 201, body: nieuw, headers: { Location: nieuw!.url } };
      },
    }),
    defineOperation({
      method: 'GET',
      path: '/reserveringen/{uuid}',
      operationId: 'reservering_read',
      summary: 'Een reservering opvragen.',
      description: 'Een reservering; een voorlopige voorbij verlooptOp heeft status verlopen.',
      tags: TAGS,
      scopes: LEZEN,
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: Reservering } },
      async handler({ params, apiRoot }) {
        return { status: 200, body: toApi(await existing(params.uuid), apiRoot) };
      },
    }),
    defineOperation({
      method: 'PATCH',
      path: '/reserveringen/{uuid}',
      operationId: 'reservering_partial_update',
      summary: 'Een reservering indienen, bevestigen, verzetten of annuleren.',
      description:
        'status: voorlopig → aangevraagd (ingediend; verloopt niet meer), aangevraagd → bevestigd (alleen met scope begraafplaatsen.beheren), voorlopig, aangevraagd of bevestigd → geannuleerd (geeft tijdslot en grafplaats vrij). Een andere start verzet de reservering (dezelfde regels als bij aanmaken; een voorlopige krijgt een nieuwe verlooptOp). 409 reservering-verlopen voor een verlopen reservering (behalve annuleren), 409 ongeldige-statusovergang voor een andere overgang.',
      tags: TAGS,
      scopes: RESERVEREN,
      auditHeaders: true,
      params: UuidParams,
      body: PatchedReservering,
      responses: { 200: { description: 'OK', schema: Reservering } },
      async handler(ctx) {
        const { params, body, auth, apiRoot } = ctx;
        if (body.status === 'bevestigd' && !auth.hasScope(COMPONENT, SCOPE_BEHEREN)) {
          throw permissionDenied('Alleen de beheerder van de begraafplaats (scope begraafplaatsen.beheren) bevestigt een reservering.');
        }
        const current = await existing(params.uuid);
        const begraafplaats = (await repository.findBegraafplaats(db, current.begraafplaats))!;
        const start = body.start === undefined ? undefined : parseStart(body.start);
        const moved = start !== undefined && start.getTime() !== new Date(current.start).getTime();
        if (moved) checkSlot(begraafplaats, start);
        const grafplaatsChanged = body.grafplaats !== undefined && (body.grafplaats === null ? current.grafplaats !== null : ownUuid(body.grafplaats, 'grafplaatsen') !== current.grafplaats);
        const grafplaats = grafplaatsChanged ? await grafplaatsOf(body.grafplaats, begraafplaats.uuid) : current.grafplaats;
        const nieuw = await mutate(
          ctx,
          'partial_update',
          current.uuid,
          async (tx) => {
            // Locked: two changes of one reservation (submit and cancel) are made one after the other.
            const locked = (await repository.findReservering(tx, current.uuid, true))!;
            const status = body.status ?? locked.status;
            if (status !== locked.status || moved || grafplaatsChanged) {
              if (locked.status === 'verlopen' && status !== 'geannuleerd') throw conflict('reservering-verlopen', `De voorlopige reservering is verlopen (${isoLokaal(new Date(locked.verlooptOp!))}); maak een nieuwe.`);
              if (status !== locked.status && !OVERGANGEN[locked.status].includes(status)) {
                throw conflict('ongeldige-statusovergang', `Een reservering met status ${locked.status} kan niet ${status} worden.`);
              }
              if (status === 'geannuleerd' && (moved || grafplaatsChanged)) throw conflict('ongeldige-statusovergang', 'Een geannuleerde reservering wordt niet verzet.');
            }
            const newStart = moved ? start : new Date(locked.start);
            if (moved || grafplaatsChanged) await repository.releaseExpired(tx, begraafplaats.uuid, newStart, grafplaatsChanged ? grafplaats : null);
            // A hold that moves is a fresh hold; a submitted or confirmed one does not expire.
            const verlooptOp = status === 'verlopen' || (status === 'voorlopig' && !moved && !grafplaatsChanged) ? new Date(locked.verlooptOp!) : status === 'voorlopig' ? new Date(Date.now() + geldigheid) : null;
            await repository.updateReservering(tx, {
              uuid: locked.uuid,
              begraafplaats: locked.begraafplaats,
              start: newStart,
              eind: new Date(newStart.getTime() + begraafplaats.slotduur * 60_000),
              grafplaats,
              zaak: body.zaak === undefined ? locked.zaak : body.zaak,
              status,
              verlooptOp,
            });
            return repository.findReservering(tx, current.uuid);
          },
          toApi(current, apiRoot),
        );
        return { status: 200, body: nieuw };
      },
    }),
    defineOperation({
      method: 'DELETE',
      path: '/reserveringen/{uuid}',
      operationId: 'reservering_delete',
      summary: 'Een reservering verwijderen.',
      description: 'Verwijdert de reservering; tijdslot en grafplaats zijn daarmee vrij. Annuleren (PATCH status geannuleerd) bewaart haar.',
      tags: TAGS,
      scopes: RESERVEREN,
      auditHeaders: true,
      params: UuidParams,
      responses: { 204: { description: 'No content' } },
      async handler(ctx) {
        const current = await existing(ctx.params.uuid);
        await mutate(ctx, 'destroy', current.uuid, async (tx) => void (await repository.deleteReservering(tx, current.uuid)), toApi(current, ctx.apiRoot));
        return { status: 204 };
      },
    }),
  ];
}

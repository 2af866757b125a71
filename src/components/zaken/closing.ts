/**
 * The life cycle of a zaak as statussen and its resultaat drive it: what closing it (setting
 * its eindstatus) requires and derives, and the zaak attributes that follow from it.
 *
 * - Closing needs a resultaat, informatieobjecten that are unlocked and have their
 *   `indicatieGebruiksrecht` set, and archiving parameters that can be derived: the zaak gets
 *   its `einddatum` and, where still empty, `archiefnominatie` and `archiefactiedatum`.
 * - A status after the eindstatus reopens the zaak: einddatum, archiefnominatie and
 *   archiefactiedatum are cleared.
 *
 * What comes from other APIs is fetched here, before the change's transaction (an in-process
 * read needs a connection of its own); the transaction then locks the zaak row with
 * {@link lockLifeCycle} and checks that what the decision rested on still holds.
 */
import type { Db, Tx } from '../../platform/db/database.ts';
import { ProblemError, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { archiveOnClose, ArchiveError, factsNeeded, type ArchiefResultaattype, type BrondatumFacts } from './archiving.ts';
import type { RelatedResources } from './related.ts';
import { ownUuid, shownUrl } from './urls.ts';

/** The zaak's attributes its life cycle reads and writes. */
export interface LifeCycleState {
  einddatum: string | null;
  archiefstatus: string;
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  startdatumBewaartermijn: string | null;
}

const STATE_COLUMNS = ['einddatum', 'archiefstatus', 'archiefnominatie', 'archiefactiedatum', 'startdatum_bewaartermijn'] as const;

function toState(row: Record<string, unknown>): LifeCycleState {
  return {
    einddatum: row.einddatum as string | null,
    archiefstatus: row.archiefstatus as string,
    archiefnominatie: row.archiefnominatie as string | null,
    archiefactiedatum: row.archiefactiedatum as string | null,
    startdatumBewaartermijn: row.startdatum_bewaartermijn as string | null,
  };
}

export async function lifeCycleState(db: Db | Tx, zaakId: number): Promise<LifeCycleState> {
  return toState(await db.selectFrom('zaken.zaak').select(STATE_COLUMNS).where('id', '=', zaakId).executeTakeFirstOrThrow());
}

/**
 * The zaak's state, its row locked until `tx` ends: every status and resultaat change locks
 * it first, so they change one zaak one at a time. 409 when it is no longer what `expected`
 * (read before the transaction) says about the attributes the change was decided on.
 */
export async function lockLifeCycle(tx: Tx, zaakId: number, expected?: Partial<LifeCycleState>): Promise<LifeCycleState> {
  const row = await tx.selectFrom('zaken.zaak').select(STATE_COLUMNS).where('id', '=', zaakId).forUpdate().executeTakeFirst();
  if (!row) throw new ProblemError({ status: 409, code: 'conflict', title: 'Conflict.', detail: 'De zaak is intussen verwijderd.' });
  const state = toState(row);
  for (const [key, value] of Object.entries(expected ?? {})) {
    if (state[key as keyof LifeCycleState] !== value) throw concurrentChange();
  }
  return state;
}

export function concurrentChange(): ProblemError {
  return new ProblemError({ status: 409, code: 'conflict', title: 'Conflict.', detail: 'De zaak is tegelijk door een ander verzoek gewijzigd; probeer het opnieuw.' });
}

/** Writes the zaak's life-cycle attributes (in the change's own transaction). */
export async function writeLifeCycle(tx: Tx, zaakId: number, state: Partial<Pick<LifeCycleState, 'einddatum' | 'archiefnominatie' | 'archiefactiedatum'>>): Promise<void> {
  const values: Record<string, string | null> = {};
  if (state.einddatum !== undefined) values.einddatum = state.einddatum;
  if (state.archiefnominatie !== undefined) values.archiefnominatie = state.archiefnominatie;
  if (state.archiefactiedatum !== undefined) values.archiefactiedatum = state.archiefactiedatum;
  if (Object.keys(values).length) await tx.updateTable('zaken.zaak').set(values).where('id', '=', zaakId).execute();
}

/** The zaak's resultaat (at most one), with its resultaattype as stored. */
export async function resultaatOf(db: Db | Tx, zaakId: number): Promise<{ uuid: string; resultaattype: string } | undefined> {
  return db.selectFrom('zaken.resultaat').select(['uuid', 'resultaattype']).where('zaak_id', '=', zaakId).executeTakeFirst();
}

/** zaak-archiefstatus-invalid: statussen and the resultaat change only while the zaak is not archived. */
export function checkNotArchived(state: LifeCycleState): InvalidParam[] {
  if (state.archiefstatus === 'nog_te_archiveren') return [];
  return [{ name: 'nonFieldErrors', code: 'zaak-archiefstatus-invalid', reason: "De huidige zaak archiefstatus staat dit request niet toe. Archiefstatus moet gelijk zijn aan 'nog_te_archiveren'." }];
}

/**
 * What the eindstatus asks of the zaak's informatieobjecten (zrc-007b, zrc-007q): none may be
 * locked (`informatieobject-locked`) and each must have `indicatieGebruiksrecht` set
 * (`indicatiegebruiksrecht-unset`). An informatieobject that cannot be fetched cannot be
 * checked: its `bad-url` / `invalid-resource`.
 */
export async function checkInformatieobjecten(db: Db, related: RelatedResources, zaakId: number, apiRoot: string): Promise<InvalidParam[]> {
  const rows = await db.selectFrom('zaken.zaakinformatieobject').select('informatieobject').where('zaak_id', '=', zaakId).orderBy('id').execute();
  const found = await Promise.all(rows.map((r) => related.informatieobject(shownUrl(r.informatieobject as string, apiRoot), apiRoot)));
  const errors: InvalidParam[] = [];
  const add = (error: InvalidParam) => {
    if (!errors.some((e) => e.code === error.code)) errors.push(error);
  };
  for (const [i, resolution] of found.entries()) {
    if (!resolution.ok) {
      add({ name: 'nonFieldErrors', code: resolution.code, reason: `Het informatieobject ${rows[i]!.informatieobject} van de zaak kon niet gecontroleerd worden: ${resolution.reason}` });
      continue;
    }
    if (resolution.resource.locked === true) {
      add({ name: 'nonFieldErrors', code: 'informatieobject-locked', reason: 'Er zijn gerelateerde informatieobjecten die nog gelocked zijn. Deze informatieobjecten moet eerst unlocked worden voordat de zaak afgesloten kan worden.' });
    }
    if (resolution.resource.indicatieGebruiksrecht === null || resolution.resource.indicatieGebruiksrecht === undefined) {
      add({ name: 'nonFieldErrors', code: 'indicatiegebruiksrecht-unset', reason: 'Er zijn gerelateerde informatieobjecten waarvoor `indicatieGebruiksrecht` nog niet gespecifieerd is. Je moet deze zetten voor je de zaak kan afsluiten.' });
    }
  }
  return errors;
}

/**
 * The archiefnominatie and archiefactiedatum of the zaak closed on `einddatum` with a
 * resultaat of `resultaattype`; 400 `archiefactiedatum-error` when they cannot be derived.
 */
export async function archiveParameters(
  db: Db,
  related: RelatedResources,
  zaakId: number,
  state: LifeCycleState,
  resultaattype: ArchiefResultaattype,
  einddatum: string,
  apiRoot: string,
): Promise<{ archiefnominatie: string | null; archiefactiedatum: string | null }> {
  try {
    const derive = !state.archiefactiedatum && !state.startdatumBewaartermijn && resultaattype.archiefactietermijn;
    const facts = derive && resultaattype.brondatumArchiefprocedure ? await brondatumFacts(db, related, zaakId, resultaattype.brondatumArchiefprocedure, einddatum, apiRoot) : { einddatum };
    return archiveOnClose(state, resultaattype, facts);
  } catch (error) {
    if (error instanceof ArchiveError) throw validationError([{ name: 'nonFieldErrors', code: 'archiefactiedatum-error', reason: error.message }]);
    throw error;
  }
}

/** What the procedure derives the brondatum from: the zaak's own rows, and what they refer to in other APIs. */
async function brondatumFacts(
  db: Db,
  related: RelatedResources,
  zaakId: number,
  procedure: { afleidingswijze: string; datumkenmerk?: string; objecttype?: string },
  einddatum: string,
  apiRoot: string,
): Promise<BrondatumFacts> {
  const facts: BrondatumFacts = { einddatum };
  const fetched = async (fetch: (url: string, apiRoot: string) => ReturnType<RelatedResources['object']>, stored: string) => {
    const resolution = await fetch(shownUrl(stored, apiRoot), apiRoot);
    if (!resolution.ok) throw new ArchiveError(`${stored} kon niet opgehaald worden voor het bepalen van de brondatum: ${resolution.reason}`);
    return resolution.resource;
  };
  switch (factsNeeded(procedure.afleidingswijze)) {
    case 'hoofdzaak': {
      const row = await db
        .selectFrom('zaken.zaak as zaak')
        .leftJoin('zaken.zaak as hoofdzaak', 'hoofdzaak.id', 'zaak.hoofdzaak_id')
        .select(['zaak.hoofdzaak_id', 'hoofdzaak.einddatum'])
        .where('zaak.id', '=', zaakId)
        .executeTakeFirstOrThrow();
      facts.hoofdzaak = row.hoofdzaak_id === null ? null : { einddatum: row.einddatum as string | null };
      break;
    }
    case 'eigenschappen':
      facts.eigenschappen = (await db.selectFrom('zaken.zaakeigenschap').select(['naam', 'waarde']).where('zaak_id', '=', zaakId).orderBy('id').execute()) as { naam: string; waarde: string }[];
      break;
    case 'besluiten': {
      const rows = await db.selectFrom('zaken.zaakbesluit').select('besluit').where('zaak_id', '=', zaakId).orderBy('id').execute();
      facts.besluiten = await Promise.all(rows.map((r) => fetched(related.besluit, r.besluit as string)));
      break;
    }
    case 'zaakobjecten': {
      const rows = await db
        .selectFrom('zaken.zaakobject')
        .select(['object', 'object_identificatie'])
        .where('zaak_id', '=', zaakId)
        .where('object_type', '=', procedure.objecttype ?? '')
        .orderBy('id')
        .execute();
      // The object a zaakobject refers to by URL, else the object it describes itself.
      facts.zaakobjecten = await Promise.all(rows.map((r) => (r.object ? fetched(related.object, r.object as string) : ((r.object_identificatie ?? {}) as Record<string, unknown>))));
      break;
    }
    case 'relevanteZaken': {
      const row = await db.selectFrom('zaken.zaak').select('relevante_andere_zaken').where('id', '=', zaakId).executeTakeFirstOrThrow();
      const urls = ((row.relevante_andere_zaken ?? []) as { url: string }[]).map((r) => r.url);
      facts.relevanteZaken = await Promise.all(
        urls.map(async (url) => {
          const uuid = ownUuid(url, 'zaken', 'zaken', apiRoot);
          if (uuid) {
            const local = await db.selectFrom('zaken.zaak').select('einddatum').where('uuid', '=', uuid).executeTakeFirst();
            return { einddatum: (local?.einddatum as string | null | undefined) ?? null };
          }
          const zaak = await fetched(related.zaak, url);
          return { einddatum: typeof zaak.einddatum === 'string' ? zaak.einddatum : null };
        }),
      );
      break;
    }
    case undefined:
      break;
  }
  return facts;
}

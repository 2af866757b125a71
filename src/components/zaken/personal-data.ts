/**
 * Rollen that name a natuurlijk persoon by burgerservicenummer (`betrokkeneIdentificatie.inpBsn`)
 * are personal data: a read that shows one, or that searches zaken by one, is a processing the
 * Logboek dataverwerkingen records (platform/logboek), one record per person, written in the
 * transaction the data is read in. Such reads need a processing activity: the
 * `Verwerkingsactiviteit` header, or the default the register gives the Applicatie (ZGW clients
 * that do not know the header); without one the read is refused (400/403). A zaak read with
 * `expand=rollen` reads its rollen through the rollen API (in-process), so they are logged there,
 * in the same trace. See docs/zaken.md.
 *
 * @example
 * const page = await loggedRead(deps, request, auth, 'rol_list', (db) => pageOf(db), (page) => rolSubjects(page.results));
 */
import type { FastifyRequest } from 'fastify';
import type { Authorization } from '../../platform/auth/authorization.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DataSubject } from '../../platform/logboek/logboek.ts';
import type { ZakenDeps } from './deps.ts';

const COMPONENT = 'zaken';

/** The persons (by BSN) the rollen name, each once. */
export function rolSubjects(rollen: unknown[]): DataSubject[] {
  const bsns = rollen.flatMap((rol) => {
    const r = rol as { betrokkeneType?: string; betrokkeneIdentificatie?: { inpBsn?: unknown } };
    const bsn = r.betrokkeneType === 'natuurlijk_persoon' ? r.betrokkeneIdentificatie?.inpBsn : undefined;
    return typeof bsn === 'string' && bsn !== '' ? [bsn] : [];
  });
  return [...new Set(bsns)].map((id) => ({ type: 'BSN', id }));
}

/**
 * `read` in a transaction with the Logboek records of the persons `subjects` names in what it
 * read; nothing is written when it names none. The activity is checked before reading. A HEAD
 * request shows no data: it reads without processing.
 */
export async function loggedRead<T>(deps: ZakenDeps, request: FastifyRequest, auth: Authorization, operation: string, read: (db: Db) => Promise<T>, subjects: (result: T) => DataSubject[]): Promise<T> {
  if (request.method === 'HEAD') return read(deps.database.db);
  const processing = await deps.logboek.begin(request, operation, auth.clientId);
  return deps.database.db.transaction().execute(async (tx) => {
    const result = await read(tx);
    const persons = subjects(result);
    if (persons.length) await deps.logboek.write(tx, processing, persons, 'OK', COMPONENT);
    return result;
  });
}

/**
 * What gebruiksrechten, objectinformatieobjecten and verzendingen share: they belong to a
 * document, named by URL in their body; they are loaded with it (their access is the
 * document's); and `expand=informatieobject[.informatieobjecttype]` embeds it.
 */
import type { Db, Tx } from '../../platform/db/database.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import * as repository from './repository.ts';
import type { InformatieobjectRow } from './repository.ts';
import { documentUuidFrom, type Urls } from './access.ts';
import { expandDocument, toApi } from './informatieobjecten.ts';
import { expandFields } from '../../platform/http/parameters.ts';
import type { DocumentenDeps } from './index.ts';

/**
 * The document a body refers to (`informatieobject`): a 400 on `field` when the URL is no
 * document of this API (`no_match`) or the document does not exist (`does_not_exist`).
 */
export async function documentFromUrl(deps: DocumentenDeps, urls: Urls, url: string, field = 'informatieobject'): Promise<InformatieobjectRow> {
  const found = await findDocumentFromUrl(deps, urls, url, field);
  if ('error' in found) throw validationError([found.error]);
  return found.io;
}

/** {@link documentFromUrl}, with the error as a value, to report it with others. */
export async function findDocumentFromUrl(deps: DocumentenDeps, urls: Urls, url: string, field = 'informatieobject'): Promise<{ io: InformatieobjectRow } | { error: InvalidParam }> {
  const own = documentUuidFrom(urls, url, field);
  if ('error' in own) return own;
  const io = await repository.findInformatieobject(deps.database.db, own.uuid);
  return io ? { io } : { error: { name: field, code: 'does_not_exist', reason: 'Ongeldige hyperlink - Object bestaat niet.' } };
}

/** Loading one sub-resource by uuid together with its document: 404 when it does not exist. */
export function subResourceOf<R extends { informatieobject_id: number | string }>(deps: DocumentenDeps, name: string, find: (db: Db | Tx, uuid: string) => Promise<R | undefined>) {
  return {
    async load(uuid: string): Promise<{ row: R; io: InformatieobjectRow }> {
      const row = await find(deps.database.db, uuid);
      const io = row && (await repository.findInformatieobjectById(deps.database.db, Number(row.informatieobject_id)));
      if (!row || !io) throw notFound(`${name} ${uuid} bestaat niet.`);
      return { row, io };
    },
  };
}

export interface RelationExpand {
  informatieobject: boolean;
  informatieobjecttype: boolean;
}

/** `expand` of a sub-resource: its informatieobject, and that one's informatieobjecttype. */
export function relationFields(expand: string | undefined): RelationExpand {
  const fields = expandFields(expand, ['informatieobject', 'informatieobject.informatieobjecttype'], { exactPaths: true });
  return { informatieobject: fields.length > 0, informatieobjecttype: fields.includes('informatieobject.informatieobjecttype') };
}

/** A sub-resource with `_expand.informatieobject` (the document's current version) when asked for. */
export async function expandInformatieobject<T extends object>(deps: DocumentenDeps, body: T, documentUuid: string, expand: RelationExpand, urls: Urls): Promise<T | (T & { _expand: Record<string, unknown> })> {
  if (!expand.informatieobject) return body;
  const io = await repository.findInformatieobject(deps.database.db, documentUuid);
  const versie = io && (await repository.findVersie(deps.database.db, io));
  if (!io || !versie) return { ...body, _expand: {} };
  const delen = (await repository.bestandsdelenOf(deps.database.db, [io.id])).get(io.id) ?? [];
  const informatieobject = await expandDocument(deps, toApi(io, versie, delen, urls), expand.informatieobjecttype, urls.apiRoot);
  return { ...body, _expand: { informatieobject } };
}

/** Deletes one sub-resource by uuid in `tx`: 404 when another request removed it meanwhile. */
export async function deleteByUuid(tx: Tx, table: string, uuid: string, name: string): Promise<void> {
  const deleted = await tx.deleteFrom(table).where('uuid', '=', uuid).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw notFound(`${name} ${uuid} bestaat niet meer.`);
}

/**
 * Checking a document out and in (lock / unlock), and the bestandsdelen of a large upload:
 * each part streamed to the content store as it arrives, and all parts merged into the
 * version's content at unlock. Nothing of a large document is ever held in memory.
 */
import { randomUUID } from 'node:crypto';
import { defineOperation, type Operation } from '../../platform/http/api.ts';
import { notFound, validationError, type InvalidParam } from '../../platform/http/problem.ts';
import { BestandsDeelRequest, BestandsDeelResponse, LockEnkelvoudigInformatieObject, UnlockEnkelvoudigInformatieObjectRequest } from './schemas.ts';
import * as repository from './repository.ts';
import { assertMay, BIJWERKEN, GEFORCEERD_UNLOCK, LOCK, mayAccess, recordDocumentMutation, urlsFor } from './access.ts';
import { committingContent, concatenated } from './content.ts';
import { ContentTooLarge } from './storage.ts';
import { readForm } from './form-body.ts';
import { documentRef, loadDocument, TAGS } from './informatieobjecten.ts';
import { UuidParams } from '../../platform/http/parameters.ts';
import type { DocumentenDeps } from './index.ts';

const nonField = (code: string, reason: string): InvalidParam => ({ name: 'nonFieldErrors', code, reason });

export function lockOperations(deps: DocumentenDeps): Operation[] {
  const { database, references, store } = deps;

  return [
    defineOperation({
      method: 'POST',
      path: '/enkelvoudiginformatieobjecten/{uuid}/lock',
      operationId: 'enkelvoudiginformatieobject_lock',
      summary: 'Vergrendel een (ENKELVOUDIG) INFORMATIEOBJECT.',
      description:
        "Voert een 'checkout' uit waardoor het (ENKELVOUDIG) INFORMATIEOBJECTvergrendeld wordt met een `lock` waarde. Alleen met deze waarde kan het(ENKELVOUDIG) INFORMATIEOBJECT bijgewerkt (`PUT`, `PATCH`) en weerontgrendeld worden.",
      tags: TAGS,
      scopes: [LOCK],
      params: UuidParams,
      responses: { 200: { description: 'OK', schema: LockEnkelvoudigInformatieObject } },
      async handler({ params, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const io = await loadDocument(deps, params.uuid);
        assertMay(auth, urls, io, [LOCK]);
        const lock = randomUUID().replaceAll('-', '');
        await database.db.transaction().execute(async (tx) => {
          const current = (await repository.findInformatieobject(tx, params.uuid, { forUpdate: true }))!;
          if (current.lock !== '') throw validationError([nonField('existing-lock', 'Het document is al vergrendeld.')]);
          await repository.setLock(tx, current, lock);
          const document = documentRef(current, urls);
          await recordDocumentMutation(tx, auth, urls, { document, resource: 'enkelvoudiginformatieobject', resourceUrl: document.url, actie: 'lock', resultaat: 200, notify: false });
        });
        return { status: 200, body: { lock } };
      },
    }),
    defineOperation({
      method: 'POST',
      path: '/enkelvoudiginformatieobjecten/{uuid}/unlock',
      operationId: 'enkelvoudiginformatieobject_unlock',
      summary: 'Ontgrendel een (ENKELVOUDIG) INFORMATIEOBJECT.',
      description: "Heft de 'checkout' op waardoor het (ENKELVOUDIG) INFORMATIEOBJECTontgrendeld wordt.",
      tags: TAGS,
      scopes: [LOCK, GEFORCEERD_UNLOCK],
      params: UuidParams,
      body: UnlockEnkelvoudigInformatieObjectRequest,
      optionalBody: true,
      responses: { 204: { description: 'No response body' } },
      async handler({ params, body, auth, apiRoot }) {
        const urls = urlsFor(references, apiRoot);
        const io = await loadDocument(deps, params.uuid);
        assertMay(auth, urls, io, [LOCK, GEFORCEERD_UNLOCK]);
        // With documenten.geforceerd-unlock for this document, no lock is needed: an administrator's release.
        const forced = mayAccess(auth, urls, io, [GEFORCEERD_UNLOCK]);
        const lock = body?.lock ?? '';
        if (!forced && lock !== io.lock) throw validationError([nonField('incorrect-lock-id', 'De lock is niet juist.')]);

        const delen = (await repository.bestandsdelenOf(database.db, [io.id])).get(io.id) ?? [];
        const uploaded = delen.filter((d) => d.inhoud !== null);
        const complete = delen.length > 0 && uploaded.length === delen.length;
        if (!forced && delen.length > 0 && !complete) {
          throw validationError([uploaded.length === 0 ? nonField('file-size', 'Upload de bestandsdelen, of zet de bestandsomvang op 0.') : nonField('incomplete-upload', 'Niet alle bestandsdelen zijn geüpload.')]);
        }
        // The upload is merged into one content before the transaction (it is streamed); a forced unlock of an unfinished upload drops the parts.
        const merged = complete ? await store.put(concatenated(store, delen.map((d) => d.inhoud!))) : undefined;
        await committingContent(
          store,
          merged ? [merged.key] : [],
          () =>
            database.db.transaction().execute(async (tx) => {
              const current = (await repository.findInformatieobject(tx, params.uuid, { forUpdate: true }))!;
              const now = (await repository.bestandsdelenOf(tx, [current.id])).get(current.id) ?? [];
              // What was checked above must still hold: nobody locked, uploaded or updated meanwhile.
              if (current.lock !== io.lock || current.versie !== io.versie || JSON.stringify(now) !== JSON.stringify(delen)) {
                throw validationError([nonField('incorrect-lock-id', 'Het document is intussen gewijzigd; probeer het opnieuw.')]);
              }
              if (delen.length > 0) {
                await repository.updateVersie(tx, current, current.versie, merged ? { inhoud: merged.key, bestandsomvang: merged.size } : { bestandsomvang: null });
                await repository.deleteBestandsdelen(tx, current);
              }
              await repository.setLock(tx, current, '');
              const document = documentRef(current, urls);
              await recordDocumentMutation(tx, auth, urls, { document, resource: 'enkelvoudiginformatieobject', resourceUrl: document.url, actie: 'unlock', resultaat: 204, notify: false });
            }),
          () => uploaded.map((d) => d.inhoud!),
        );
        return { status: 204 };
      },
    }),
    defineOperation({
      method: 'PUT',
      path: '/bestandsdelen/{uuid}',
      operationId: 'bestandsdeel_update',
      summary: 'Upload een bestandsdeel',
      description: 'based on DRF mixin but without partial_update',
      tags: ['bestandsdelen'],
      scopes: [BIJWERKEN],
      params: UuidParams,
      rawBody: { mediaTypes: ['multipart/form-data', 'application/x-www-form-urlencoded'] },
      document: { body: BestandsDeelRequest },
      responses: { 200: { description: 'OK', schema: BestandsDeelResponse } },
      async handler({ params, auth, apiRoot, request }) {
        const urls = urlsFor(references, apiRoot);
        const deel = await repository.findBestandsdeel(database.db, params.uuid);
        if (!deel) throw notFound(`Bestandsdeel ${params.uuid} bestaat niet.`);
        const io = (await repository.findInformatieobjectById(database.db, deel.informatieobjectId))!;
        assertMay(auth, urls, io, [BIJWERKEN]);

        // The part is streamed to the store as it arrives, at most its omvang.
        const form = await readForm(request.raw, 'inhoud', (content) => store.put(content, { maxSize: deel.omvang })).catch((error: unknown) => {
          if (error instanceof ContentTooLarge) throw validationError([fileSize(deel.omvang, `meer dan ${deel.omvang}`)]);
          throw error;
        });
        const added = form.file ? [form.file.key] : [];
        const errors: InvalidParam[] = [];
        if (!form.fields.lock) errors.push({ name: 'lock', code: 'required', reason: 'Dit veld is vereist.' });
        if (!form.file) errors.push({ name: 'inhoud', code: 'required', reason: 'Dit veld is vereist.' });
        else if (form.file.size !== deel.omvang) errors.push(fileSize(deel.omvang, String(form.file.size)));
        if (errors.length === 0 && form.fields.lock !== io.lock) errors.push(nonField('incorrect-lock-id', 'De lock is niet juist.'));
        if (errors.length) {
          await store.delete(added);
          throw validationError(errors);
        }

        let replaced: string | null = null;
        await committingContent(
          store,
          added,
          () =>
            database.db.transaction().execute(async (tx) => {
              const current = (await repository.findInformatieobjectById(tx, io.id, { forUpdate: true }))!;
              const now = await repository.findBestandsdeel(tx, deel.uuid);
              if (!now) throw notFound(`Bestandsdeel ${deel.uuid} bestaat niet meer.`);
              if (current.lock !== form.fields.lock) throw validationError([nonField('incorrect-lock-id', 'De lock is niet juist.')]);
              replaced = now.inhoud;
              await repository.setBestandsdeelInhoud(tx, deel.uuid, form.file!.key);
              const document = documentRef(current, urls);
              await recordDocumentMutation(tx, auth, urls, { document, resource: 'bestandsdeel', resourceUrl: `${apiRoot}/bestandsdelen/${deel.uuid}`, actie: 'update', resultaat: 200, notify: false });
            }),
          () => (replaced ? [replaced] : []),
        );
        return {
          status: 200,
          body: { url: `${apiRoot}/bestandsdelen/${deel.uuid}`, lock: form.fields.lock!, omvang: deel.omvang, voltooid: true, volgnummer: deel.volgnummer },
        };
      },
    }),
  ];
}

function fileSize(omvang: number, received: string): InvalidParam {
  return nonField('file-size', `Het aangeleverde bestand heeft een afwijkende bestandsgrootte (volgens het \`omvang\`-veld). Verwachting: ${omvang}b, ontvangen: ${received}b.`);
}

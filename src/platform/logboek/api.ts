/**
 * The municipality's view on its Logboek dataverwerkingen: the processing records for one
 * data subject (a burgerservicenummer, matched through the keyed hash it is stored as), for
 * one verwerkingsactiviteit, or for one trace. A POST with the criteria in the body, as the
 * ZGW `_zoek` operations do, so a BSN never appears in a URL or an access log.
 *
 * Authorised by the scope `logboek.inzien` on component `ac` (the Autorisaties component is
 * where an Applicatie gets its rights; the ZGW component list has no code for the log), or
 * `heeftAlleAutorisaties`. The answer shows whose data was processed, so reading it is logged
 * too (`Logboek.inzage`), under the caller's `Verwerkingsactiviteit` (or its default). The Logboek standard (Logius) defines how records are written, not
 * how they are read; this API is ours.
 */
import { defineOperation, type ApiDefinition } from '../http/api.ts';
import { validationError } from '../http/problem.ts';
import { Type } from '../http/schema.ts';
import type { Database } from '../db/database.ts';
import type { Logboek } from './logboek.ts';

export const LOGBOEK_INZIEN = 'logboek.inzien';
/** The most records one answer holds (newest first). */
export const LOGBOEK_MAX_RESULTS = 500;

const Verwerking = Type.Object({
  traceId: Type.String({ description: 'W3C trace id: alle verwerkingen van één keten delen hem.' }),
  spanId: Type.String(),
  parentSpanId: Type.Optional(Type.String({ description: 'De span van de aanroeper (uit diens traceparent).' })),
  operationName: Type.String({ description: 'De operatie, bij BRP het query type.' }),
  verwerkingsactiviteit: Type.Object({
    id: Type.String({ format: 'uri' }),
    naam: Type.Optional(Type.String()),
    doel: Type.Optional(Type.String()),
    grondslag: Type.Optional(Type.String()),
  }),
  status: Type.Union([Type.Literal('OK'), Type.Literal('ERROR')]),
  startTime: Type.String({ format: 'date-time' }),
  endTime: Type.String({ format: 'date-time' }),
  applicatie: Type.String({ description: 'Client id van de applicatie die de gegevens opvroeg.' }),
  component: Type.String(),
  foreignProcessor: Type.Optional(Type.String({ description: 'De andere organisatie (FSC peer id), als de vraag via FSC kwam.' })),
  fscTransactionId: Type.Optional(Type.String()),
});

const Zoek = Type.Object(
  {
    burgerservicenummer: Type.Optional(Type.String({ pattern: '^[0-9]{9}$', description: 'De betrokkene.' })),
    verwerkingsactiviteit: Type.Optional(Type.String({ format: 'uri', description: 'Id van de verwerkingsactiviteit uit het register.' })),
    traceId: Type.Optional(Type.String({ pattern: '^[0-9a-f]{32}$' })),
  },
  { additionalProperties: false },
);

export function logboekApi(database: Database, logboek: Logboek): ApiDefinition {
  return {
    name: 'logboek',
    component: 'ac',
    title: 'Logboek dataverwerkingen',
    version: '1.0.0',
    description: 'Inzage in de verwerkingen van persoonsgegevens die deze organisatie heeft vastgelegd.',
    operations: [
      defineOperation({
        method: 'POST',
        path: '/verwerkingen/_zoek',
        operationId: 'verwerking__zoek',
        summary: 'Zoek verwerkingen op betrokkene (BSN), verwerkingsactiviteit of trace.',
        description: `Minstens één criterium; meerdere criteria gelden samen. Nieuwste eerst, hoogstens ${LOGBOEK_MAX_RESULTS}.`,
        tags: ['verwerkingen'],
        scopes: [LOGBOEK_INZIEN],
        body: Zoek,
        responses: { 200: { description: 'OK', schema: Type.Object({ count: Type.Integer(), results: Type.Array(Verwerking) }) } },
        async handler({ body, auth, request }) {
          if (!body.burgerservicenummer && !body.verwerkingsactiviteit && !body.traceId) {
            throw validationError([{ name: 'nonFieldErrors', code: 'required', reason: 'Geef burgerservicenummer, verwerkingsactiviteit of traceId.' }]);
          }
          const processing = await logboek.begin(request, 'verwerking__zoek', auth.clientId);
          const filter = {
            subject: body.burgerservicenummer ? { type: 'BSN' as const, id: body.burgerservicenummer } : undefined,
            activityId: body.verwerkingsactiviteit,
            traceId: body.traceId,
          };
          const results = await database.db.transaction().execute((tx) => logboek.inzage(tx, processing, filter, LOGBOEK_MAX_RESULTS));
          return { status: 200, body: { count: results.length, results } };
        },
      }),
    ],
  };
}

/**
 * POST /haalcentraal/api/brp/personen — the BRP Personen API 2.7.0, on its own path and in
 * its own error format (not a ZGW API, so not registered through registerApi). Per request:
 * authentication (the ZGW JWT of the platform), the body checked (query.ts), the processing
 * activity named (logboek), the application's BRP authorisation, then in one transaction the
 * search and one log record per person found. In proxy mode the search is a call to the
 * upstream BRP API instead, with the same checks and logging on our side.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database, Tx } from '../../platform/db/database.ts';
import type { Authenticator } from '../../platform/auth/jwt.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { LogboekError, type Logboek, type ProcessingContext } from '../../platform/logboek/logboek.ts';
import { refusal } from './authorisation.ts';
import { selectFields } from './fields.ts';
import { gezagVan } from './gezag.ts';
import { toPersoon } from './persoon.ts';
import { BrpProblem, forbidden, unauthenticated, unauthorizedField } from './problem.ts';
import { parseQuery, type PersonenQuery } from './query.ts';
import { findPersoonslijsten } from './store.ts';

export const BRP_PREFIX = '/haalcentraal/api/brp';
export const BRP_VERSION = '2.7.0';

export interface BrpUpstream {
  /** The upstream API root, e.g. https://proefomgeving.haalcentraal.nl/haalcentraal/api/brp. */
  url: string;
  /** Headers the upstream wants (Authorization, X-API-KEY). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface BrpRouteContext {
  database: Database;
  authenticator: Authenticator;
  logboek: Logboek;
  /** `source`: our store; `proxy`: forward to `upstream`. */
  mode: 'source' | 'proxy';
  upstream?: BrpUpstream;
  /** The clock: "today" for leeftijd and the end dates (the real time; a test sets its own day). */
  now?: () => Date;
}

type Json = Record<string, unknown>;
const COMPONENT = 'brp';

function checkMediaTypes(request: FastifyRequest): void {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase().replace(/\s/g, '');
  if (contentType !== 'application/json' && contentType !== 'application/json;charset=utf-8') {
    throw new BrpProblem(415, 'unsupportedMediaType', 'Media Type wordt niet ondersteund.', 'Ondersteunde content type: application/json; charset=utf-8.');
  }
  const accept = String(request.headers['accept'] ?? '').toLowerCase().replace(/\s/g, '');
  const acceptable = accept === '' || accept.split(',').some((a) => ['*/*', 'application/*', 'application/json', 'application/json;charset=utf-8'].includes(a.split(';q=')[0]!));
  if (!acceptable) throw new BrpProblem(406, 'notAcceptable', 'Gevraagde content type wordt niet ondersteund.', 'Ondersteunde content type: application/json; charset=utf-8.');
}

async function authenticate(ctx: BrpRouteContext, request: FastifyRequest): Promise<Authorization> {
  try {
    return await ctx.authenticator.authenticate(request.headers.authorization);
  } catch (error) {
    if (error instanceof ProblemError) throw unauthenticated(error.detail);
    throw error;
  }
}

/** A person found, with the burgerservicenummer the log needs even when the client did not ask for it. */
interface Found {
  bsn?: string;
  persoon: Json;
}

/**
 * Proxy mode: the body goes upstream as it came, except that `burgerservicenummer` is asked
 * too when missing (the log names every person found) and taken out of the answer again.
 */
async function searchUpstream(upstream: BrpUpstream, query: PersonenQuery, processing: ProcessingContext, body: Json): Promise<Found[]> {
  const addBsn = !query.fields.includes('burgerservicenummer');
  const response = await fetch(`${upstream.url.replace(/\/+$/, '')}/personen`, {
    method: 'POST',
    // The activity goes along: an upstream that keeps a Logboek (another Open Grond) requires it; Haal Centraal ignores it.
    headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', traceparent: processing.outgoingTraceparent(), verwerkingsactiviteit: processing.activity.id, ...upstream.headers },
    body: JSON.stringify(addBsn ? { ...body, fields: [...query.fields, 'burgerservicenummer'] } : body),
    signal: AbortSignal.timeout(upstream.timeoutMs ?? 10_000),
  }).catch(() => undefined);
  if (!response) throw new BrpProblem(503, 'notAvailable', 'Bronservice BRP is tijdelijk niet beschikbaar.');
  const answer = (await response.json().catch(() => ({}))) as Json;
  // The upstream refusing our own credentials is our failure, not the client's: a 401/403 passed on would tell the client its token is wrong.
  if (response.status === 401 || response.status === 403) throw new BrpProblem(502, 'upstreamAuthorization', 'De bron-BRP weigerde de aanvraag van deze organisatie.', `De bron-BRP antwoordde met status ${response.status}${answer.detail ? ` (${String(answer.detail)})` : ''}; controleer de gegevens waarmee deze organisatie zich daar aanmeldt (--brp-upstream-headers).`);
  if (!response.ok) throw new BrpProblem(response.status >= 500 ? 502 : response.status, String(answer.code ?? 'upstream'), String(answer.title ?? 'De bron-BRP gaf een fout.'), answer.detail as string | undefined, answer.invalidParams as never);
  return ((answer.personen as Json[]) ?? []).map((persoon) => {
    const bsn = typeof persoon.burgerservicenummer === 'string' ? persoon.burgerservicenummer : undefined;
    if (!addBsn) return { bsn, persoon };
    const { burgerservicenummer: _, ...rest } = persoon;
    return { bsn, persoon: rest };
  });
}

async function searchStore(tx: Tx, query: PersonenQuery, today: Date): Promise<Found[]> {
  const personen = (await findPersoonslijsten(tx, query.type, query.params)).map((pl) => toPersoon(pl, today));
  // gezag comes from the gezagsrelatie store, only when asked (fields allows only `gezag` whole).
  if (query.paths.includes('gezag')) {
    const gezag = await gezagVan(tx, personen.flatMap((p) => (typeof p.burgerservicenummer === 'string' ? [p.burgerservicenummer] : [])));
    for (const p of personen) p.gezag = gezag.get(p.burgerservicenummer as string);
  }
  return personen.map((persoon) => ({ bsn: persoon.burgerservicenummer as string | undefined, persoon: selectFields(persoon, query.paths) }));
}

export function registerBrpRoutes(app: FastifyInstance, ctx: BrpRouteContext): void {
  app.register(
    async (scope) => {
      scope.setErrorHandler((error, request, reply) => {
        const problem =
          error instanceof BrpProblem
            ? error
            : error instanceof LogboekError
              ? new BrpProblem(error.status, error.code, error.status === 400 ? 'Verwerkingsactiviteit ontbreekt.' : 'U bent niet geautoriseerd voor deze operatie.', error.message)
              : (error as { statusCode?: number }).statusCode === 400
                ? new BrpProblem(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', 'De request body is geen geldige JSON.')
                : (error as { statusCode?: number }).statusCode === 415
                  ? new BrpProblem(415, 'unsupportedMediaType', 'Media Type wordt niet ondersteund.', 'Ondersteunde content type: application/json; charset=utf-8.')
                  : new BrpProblem(500, 'serverError', 'Interne server fout.');
        if (problem.status >= 500 && !(error instanceof BrpProblem)) request.log.error({ err: error }, 'BRP request failed');
        reply.code(problem.status).type('application/problem+json').header('API-version', BRP_VERSION).send(JSON.stringify(problem.body(request.url.split('?')[0]!)));
      });
      // Every body is taken as text and parsed here, so a wrong charset or media type is ours to answer.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

      scope.post('/personen', async (request, reply) => {
        checkMediaTypes(request);
        const auth = await authenticate(ctx, request);
        let body: unknown;
        try {
          body = JSON.parse(String(request.body ?? ''));
        } catch {
          throw new BrpProblem(400, 'paramsValidation', 'Een of meerdere parameters zijn niet correct.', 'De request body is geen geldige JSON.');
        }
        const query = parseQuery(body);
        const processing = await ctx.logboek.begin(request, query.type, auth.clientId);
        const refused = await refusal(ctx.database.db, auth, query);
        if (refused) {
          // A refused request is logged too: who asked what, for which activity, and that it was refused.
          await ctx.logboek.write(ctx.database.db, processing, bsnSubjects(query), 'ERROR', COMPONENT);
          throw refused.code === 'unauthorizedField' ? unauthorizedField(refused.detail) : forbidden(refused.detail);
        }
        const personen = await ctx.database.db.transaction().execute(async (tx) => {
          const found = ctx.mode === 'proxy' ? await searchUpstream(ctx.upstream!, query, processing, body as Json) : await searchStore(tx, query, (ctx.now ?? (() => new Date()))());
          const subjects = found.flatMap((f) => (f.bsn ? [{ type: 'BSN' as const, id: f.bsn }] : []));
          await ctx.logboek.write(tx, processing, subjects, 'OK', COMPONENT);
          return found.map((f) => f.persoon);
        });
        reply.header('API-version', BRP_VERSION).header('traceparent', processing.outgoingTraceparent());
        return reply.type('application/json; charset=utf-8').send({ type: query.type, personen });
      });
    },
    { prefix: BRP_PREFIX },
  );
}

function bsnSubjects(query: PersonenQuery) {
  const list = query.params.burgerservicenummer;
  return Array.isArray(list) ? list.map((id) => ({ type: 'BSN' as const, id: String(id) })) : [];
}

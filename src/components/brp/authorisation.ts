/**
 * BRP authorisation per application (client id): which query types and which fields it may
 * ask. Kept in `brp.autorisatie`, provisioned from `--brp-autorisaties FILE`
 * (JSON: [{"clientId", "queryTypes": [...], "fields": [...]}]). A field grant covers its
 * sub-fields ("naam" allows "naam.voornamen"). A client whose Applicatie has
 * heeftAlleAutorisaties may ask everything; any other client without a row may ask nothing.
 */
import type { Db } from '../../platform/db/database.ts';
import type { Authorization } from '../../platform/auth/authorization.ts';
import { QUERY_TYPES, type PersonenQuery } from './query.ts';

export interface BrpAutorisatie {
  clientId: string;
  queryTypes: string[];
  fields: string[];
}

export function parseBrpAutorisaties(data: unknown): BrpAutorisatie[] {
  if (!Array.isArray(data)) throw new Error('BRP-autorisaties: verwacht een JSON-lijst.');
  for (const a of data) {
    if (typeof a?.clientId !== 'string' || !Array.isArray(a.queryTypes) || !Array.isArray(a.fields)) throw new Error('BRP-autorisaties: elk item heeft clientId, queryTypes en fields.');
    const unknown = a.queryTypes.filter((t: string) => !QUERY_TYPES.includes(t as never));
    if (unknown.length) throw new Error(`BRP-autorisaties: onbekende query types ${unknown.join(', ')}.`);
  }
  return data;
}

export async function provisionBrpAutorisaties(db: Db, list: BrpAutorisatie[]): Promise<void> {
  for (const a of list) {
    await db
      .insertInto('brp.autorisatie')
      .values({ client_id: a.clientId, query_types: JSON.stringify(a.queryTypes), fields: JSON.stringify(a.fields) })
      .onConflict((oc) => oc.column('client_id').doUpdateSet({ query_types: JSON.stringify(a.queryTypes), fields: JSON.stringify(a.fields) }))
      .execute();
  }
}

async function grantFor(db: Db, clientId: string): Promise<{ queryTypes: string[]; fields: string[] } | undefined> {
  const row = await db.selectFrom('brp.autorisatie').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!row) return undefined;
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[];
  return { queryTypes: parse(row.query_types), fields: parse(row.fields) };
}

/** Why the query is refused (a field outside the grant is `unauthorizedField`), or undefined when it is allowed. */
export async function refusal(db: Db, auth: Authorization, query: PersonenQuery): Promise<{ code: 'authorization' | 'unauthorizedField'; detail: string } | undefined> {
  if (auth.rights.heeftAlleAutorisaties) return undefined;
  const grant = await grantFor(db, auth.clientId);
  if (!grant) return { code: 'authorization', detail: `Applicatie ${auth.clientId} heeft geen BRP-autorisatie.` };
  if (!grant.queryTypes.includes(query.type)) return { code: 'authorization', detail: `Applicatie ${auth.clientId} is niet geautoriseerd voor ${query.type}.` };
  const outside = query.fields.filter((f) => !grant.fields.some((g) => f === g || f.startsWith(`${g}.`)));
  if (outside.length) return { code: 'unauthorizedField', detail: `Applicatie ${auth.clientId} is niet geautoriseerd voor de velden: ${outside.join(', ')}.` };
  return undefined;
}

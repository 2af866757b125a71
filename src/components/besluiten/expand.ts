/**
 * `expand`: the resources a besluit or besluitinformatieobject refers to, embedded under
 * `_expand`, one level deep (as the Catalogi API does). They come from their own APIs through
 * the reference resolver, and only as far as the client may read them there: expanding
 * another API's resources needs its read scope (403 otherwise, as the reference
 * implementation answers), and a zaak or informatieobject outside the client's zaaktypen,
 * informatieobjecttypen or vertrouwelijkheidaanduiding is left out. A reference that does not
 * resolve is left out too; an empty one expands to `{}` (the standard's EmptyObject).
 */
import type { Authorization, ComponentCode } from '../../platform/auth/authorization.ts';
import { vertrouwelijkheidRank } from '../../platform/auth/authorization.ts';
import { permissionDenied } from '../../platform/http/problem.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN, type Vertrouwelijkheidaanduiding } from '../../platform/http/schema.ts';
import { expandFields } from '../../platform/http/parameters.ts';
import type { Kind, Lookup, References } from './references.ts';

/** What expanding a field needs: the scope on the other API, and for zaken and documenten the type the client's grants name. */
const READ: Record<string, { component: ComponentCode; scope: string; typeOf?: string } | undefined> = {
  besluittype: { component: 'ztc', scope: 'catalogi.lezen' },
  zaak: { component: 'zrc', scope: 'zaken.lezen', typeOf: 'zaaktype' },
  informatieobject: { component: 'drc', scope: 'documenten.lezen', typeOf: 'informatieobjecttype' },
};

export interface Expander {
  /** The fields asked for (`invalid-expand-field` for others). */
  fields: string[];
  /** The `_expand` of one object: per field its resource, `{}` when the reference is empty. */
  expand(references: Record<string, string>, own?: Record<string, () => Promise<Record<string, unknown>>>): Promise<Record<string, unknown>>;
}

/**
 * An expander for `expand` over `allowed` fields. Each URL is looked up once per request;
 * `own` fields (the besluit of a besluitinformatieobject) are this API's and need no scope.
 */
export function expander(expand: string | undefined, allowed: string[], refs: References, auth: Authorization): Expander {
  const fields = expandFields(expand, allowed);
  for (const field of fields) {
    const read = READ[field];
    if (read && !auth.hasScope(read.component, read.scope)) throw permissionDenied(`Voor expand=${field} is de scope ${read.scope} nodig.`);
  }
  const looked = new Map<string, Promise<Lookup>>();
  const lookup = (kind: Kind, url: string) => {
    if (!looked.has(url)) looked.set(url, refs.fetch(kind, url));
    return looked.get(url)!;
  };
  return {
    fields,
    async expand(references, own = {}) {
      const result: Record<string, unknown> = {};
      for (const field of fields) {
        const url = references[field];
        if (own[field]) result[field] = await own[field]();
        else if (!url) result[field] = {};
        else {
          const found = await lookup(field as Kind, url);
          if (found.ok && mayRead(auth, field, found.resource, refs)) result[field] = found.resource;
        }
      }
      return result;
    },
  };
}

/** Whether the client may read this zaak or informatieobject in its own API: its type granted, up to its ceiling. */
function mayRead(auth: Authorization, field: string, resource: Record<string, unknown>, refs: References): boolean {
  const read = READ[field];
  if (!read?.typeOf) return true;
  const grants = auth.grants(read.component, read.scope);
  if (grants === 'all') return true;
  const type = resource[read.typeOf];
  const vertrouwelijkheid = resource.vertrouwelijkheidaanduiding;
  return grants.some(
    (g) =>
      (g.type === undefined || (typeof type === 'string' && refs.same(g.type, type))) &&
      (g.maxVertrouwelijkheidaanduiding === undefined ||
        (VERTROUWELIJKHEIDAANDUIDINGEN.includes(vertrouwelijkheid as Vertrouwelijkheidaanduiding) &&
          vertrouwelijkheidRank(vertrouwelijkheid as Vertrouwelijkheidaanduiding) <= vertrouwelijkheidRank(g.maxVertrouwelijkheidaanduiding))),
  );
}

/**
 * The resources of other APIs a besluit refers to, as the Besluiten API's rules need them
 * (besluittype, zaak and its zaaktype, informatieobject and its informatieobjecttype), and the
 * form URLs are kept in: a URL this process serves is stored as its path, so it keeps its
 * identity under any host name the instance is reached by; any other URL as given.
 */
import type { ReferenceResolver } from '../../platform/references/resolver.ts';
import { resourceOfShape } from '../../platform/references/expected.ts';
import type { InvalidParam } from '../../platform/http/problem.ts';
import { Type } from '../../platform/http/schema.ts';
import { BesluitType, InformatieObjectType, ZaakType } from '../catalogi/schemas.ts';
import { Zaak } from '../zaken/schemas.ts';

/** The root of this API; the rest of an API root is the instance's base URL. */
export const BESLUITEN_ROOT = '/besluiten/api/v1';

/**
 * The Documenten API's EnkelvoudigInformatieObject as far as a reference to one is checked:
 * the required properties of documenten-1.5.0.yaml with their JSON types.
 */
const EnkelvoudigInformatieObject = Type.Object({
  url: Type.String(),
  bronorganisatie: Type.String(),
  creatiedatum: Type.String(),
  titel: Type.String(),
  auteur: Type.String(),
  taal: Type.String(),
  versie: Type.Integer(),
  beginRegistratie: Type.String(),
  informatieobjecttype: Type.String(),
  locked: Type.Boolean(),
  bestandsdelen: Type.Array(Type.Unknown()),
});

const EXPECTED = {
  besluittype: resourceOfShape('besluittype', BesluitType),
  zaak: resourceOfShape('zaak', Zaak),
  zaaktype: resourceOfShape('zaaktype', ZaakType),
  informatieobject: resourceOfShape('informatieobject', EnkelvoudigInformatieObject),
  informatieobjecttype: resourceOfShape('informatieobjecttype', InformatieObjectType),
};

export type Kind = keyof typeof EXPECTED;

/** A resource of another API, or why the URL is none (as an invalidParams entry). */
export type Lookup = { ok: true; resource: Record<string, unknown> } | { ok: false; error: InvalidParam };

/** What the Besluiten API asks of the reference resolver, bound to the request being handled. */
export interface References {
  /** The resource of `kind` at `url`; `field` names the attribute in the error. */
  fetch(kind: Kind, url: string, field?: string): Promise<Lookup>;
  /** The form `url` is stored in. */
  stored(url: string): string;
  /** A stored URL as the client sees it. */
  shown(stored: string): string;
  /** Whether two URLs name the same resource. */
  same(a: string, b: string): boolean;
}

export function referencesFor(resolver: ReferenceResolver, apiRoot: string): References {
  const base = apiRoot.endsWith(BESLUITEN_ROOT) ? apiRoot.slice(0, -BESLUITEN_ROOT.length) : apiRoot;
  const stored = (url: string) => resolver.localPath(url, { apiRoot }) ?? url;
  return {
    async fetch(kind, url, field = kind) {
      const found = await resolver.fetch(url, EXPECTED[kind], { apiRoot });
      return found.ok ? { ok: true, resource: found.resource } : { ok: false, error: { name: field, code: found.code, reason: found.reason } };
    },
    stored,
    shown: (url) => (url.startsWith('/') ? `${base}${url}` : url),
    same: (a, b) => stored(a) === stored(b),
  };
}

/** The uuid of one of this API's besluiten from its URL; undefined for any other URL. */
export function besluitUuid(references: References, url: string): string | undefined {
  const match = /^\/besluiten\/api\/v1\/besluiten\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(references.stored(url));
  return match?.[1]?.toLowerCase();
}

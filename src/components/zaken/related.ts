/**
 * The resources of other APIs a zaak's sub-resources point at: an informatieobject (Documenten
 * API), a besluit (Besluiten API), a contactmoment and a verzoek (Klantinteractie APIs), and
 * the OBJECT of a zaakobject (any API). All of them are read through one
 * {@link ReferenceFetcher}, the same one the Catalogi lookups use: switching it to the
 * platform's reference resolver (`platform/references`) in `index.ts` switches these too.
 *
 * Failures carry the codes of the reference implementation and the official suite, on the
 * field given: `bad-url` when the URL does not answer 200, `invalid-resource` when it answers
 * with something that is not the resource expected.
 */
import type { Lookup, ReferenceFetcher } from './catalogi.ts';

/** Required attributes every version of the other standard has (as vng-api-common's `obj_has_shape`). */
function withAttributes(kind: string, required: string[]): { kind: string; matches(body: Record<string, unknown>): boolean } {
  return { kind, matches: (body) => required.every((key) => key in body) };
}

const EXPECTED = {
  // Documenten API: EnkelvoudigInformatieObject.
  informatieobject: withAttributes('informatieobject', ['url', 'bronorganisatie', 'creatiedatum', 'titel', 'auteur', 'taal', 'informatieobjecttype']),
  // Besluiten API: Besluit.
  besluit: withAttributes('besluit', ['url', 'verantwoordelijkeOrganisatie', 'besluittype', 'datum', 'ingangsdatum']),
  // Contactmomenten API: ContactMoment.
  contactmoment: withAttributes('contactmoment', ['url', 'bronorganisatie']),
  // Verzoeken API: Verzoek.
  verzoek: withAttributes('verzoek', ['url', 'bronorganisatie']),
  // The OBJECT of a zaakobject, or the objecttype of `overige`: any JSON resource ("een geldige response (HTTP 200)").
  object: withAttributes('JSON-resource', []),
};

export type RelatedKind = keyof typeof EXPECTED;

export interface RelatedResources {
  /** The resource of `kind` at `url`; `field` names the body attribute in the error. */
  fetch(kind: RelatedKind, url: string, apiRoot: string, field?: string): Promise<Lookup>;
}

export function relatedResources(fetcher: ReferenceFetcher): RelatedResources {
  return {
    async fetch(kind, url, apiRoot, field = kind) {
      const found = await fetcher.fetch(url, EXPECTED[kind], { apiRoot });
      return found.ok ? { ok: true, resource: found.resource } : { ok: false, error: { name: field, code: found.code, reason: found.reason } };
    },
  };
}

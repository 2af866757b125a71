/**
 * The resources of other APIs a zaak refers to by URL: the informatieobjecten of its
 * zaakinformatieobjecten (Documenten API), its besluiten (Besluiten API), the objects of its
 * zaakobjecten, relevante andere zaken elsewhere, its contactmomenten and verzoeken
 * (Klantinteractie APIs). Closing a zaak looks at them; the sub-resources check them when they
 * are given (as `invalidParams` with {@link asLookup}). All of them go through the platform's
 * reference resolver (`ZakenDeps.references`): this process's APIs in-process, any other over
 * HTTP, with the same `bad-url` / `invalid-resource` failures.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';
import { resourceOfShape, type ExpectedResource } from '../../platform/references/expected.ts';
import type { Resolution } from '../../platform/references/resolver.ts';
import type { Lookup, ReferenceFetcher } from './catalogi.ts';
import { Zaak } from './schemas.ts';

/** A JSON object with these properties (the required ones every version of that API serves). */
function withProperties(kind: string, required: string[]): ExpectedResource {
  return { kind, matches: (body) => required.every((key) => key in body) };
}

const INFORMATIEOBJECT = withProperties('informatieobject', ['url', 'bronorganisatie', 'creatiedatum', 'titel', 'auteur', 'taal', 'informatieobjecttype']);
const BESLUIT = withProperties('besluit', ['verantwoordelijkeOrganisatie', 'besluittype', 'datum', 'ingangsdatum']);
const ZAAK = resourceOfShape('zaak', Zaak);
const ANY_OBJECT = withProperties('object', []);
// Contactmomenten API 1.0 (ContactMoment) and Verzoeken API 1.0 (Verzoek).
const CONTACTMOMENT = withProperties('contactmoment', ['url', 'bronorganisatie']);
const VERZOEK = withProperties('verzoek', ['url', 'bronorganisatie']);

/**
 * Informatieobjecten and besluiten are read anew every time, never from the resolver's cache of
 * remote resources: whether a document is locked, or a besluit still names the zaak the
 * Besluiten API is removing it from, must be true now.
 */
export interface RelatedResources {
  /** An (enkelvoudig) informatieobject, for its `indicatieGebruiksrecht` and `locked`. */
  informatieobject(url: string, apiRoot: string): Promise<Resolution>;
  /** A besluit, for its `ingangsdatum` and `vervaldatum`. */
  besluit(url: string, apiRoot: string): Promise<Resolution>;
  /** A zaak in another Zaken API, for its `einddatum`. */
  zaak(url: string, apiRoot: string): Promise<Resolution>;
  /** The object a zaakobject refers to (or an objecttype): any JSON object, for the attribute a `datumkenmerk` names. */
  object(url: string, apiRoot: string): Promise<Resolution>;
  contactmoment(url: string, apiRoot: string): Promise<Resolution>;
  verzoek(url: string, apiRoot: string): Promise<Resolution>;
}

export function relatedResources(fetcher: ReferenceFetcher): RelatedResources {
  const get = (expected: ExpectedResource, fresh = false) => (url: string, apiRoot: string) => fetcher.fetch(url, expected, { apiRoot, fresh });
  return { informatieobject: get(INFORMATIEOBJECT, true), besluit: get(BESLUIT, true), zaak: get(ZAAK), object: get(ANY_OBJECT), contactmoment: get(CONTACTMOMENT), verzoek: get(VERZOEK) };
}

/** The resource, or why the URL is no such resource as an invalidParams entry for `field`. */
export function asLookup(found: Resolution, field: string): Lookup {
  if (found.ok) return { ok: true, resource: found.resource };
  const error: InvalidParam = { name: field, code: found.code, reason: found.reason };
  return { ok: false, error };
}

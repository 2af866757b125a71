/**
 * The resources of other APIs that closing a zaak looks at, by the URLs the zaak keeps: the
 * informatieobjecten of its zaakinformatieobjecten (Documenten API), its besluiten (Besluiten
 * API), the objects of its zaakobjecten and relevante andere zaken elsewhere. All of them go
 * through the platform's reference resolver (`ZakenDeps.references`): this process's APIs
 * in-process, any other over HTTP, with the same `bad-url` / `invalid-resource` failures.
 */
import { resourceOfShape, type ExpectedResource } from '../../platform/references/expected.ts';
import type { Resolution } from '../../platform/references/resolver.ts';
import type { ReferenceFetcher } from './catalogi.ts';
import { Zaak } from './schemas.ts';

/** A JSON object with these properties (the required ones every version of that API serves). */
function withProperties(kind: string, required: string[]): ExpectedResource {
  return { kind, matches: (body) => required.every((key) => key in body) };
}

const INFORMATIEOBJECT = withProperties('informatieobject', ['url', 'bronorganisatie', 'creatiedatum', 'titel', 'auteur', 'taal', 'informatieobjecttype']);
const BESLUIT = withProperties('besluit', ['verantwoordelijkeOrganisatie', 'besluittype', 'datum', 'ingangsdatum']);
const ZAAK = resourceOfShape('zaak', Zaak);
const ANY_OBJECT = withProperties('object', []);

export interface RelatedResources {
  /** An (enkelvoudig) informatieobject, for its `indicatieGebruiksrecht` and `locked`. */
  informatieobject(url: string, apiRoot: string): Promise<Resolution>;
  /** A besluit, for its `ingangsdatum` and `vervaldatum`. */
  besluit(url: string, apiRoot: string): Promise<Resolution>;
  /** A zaak in another Zaken API, for its `einddatum`. */
  zaak(url: string, apiRoot: string): Promise<Resolution>;
  /** The object a zaakobject refers to: any JSON object, for the attribute a `datumkenmerk` names. */
  object(url: string, apiRoot: string): Promise<Resolution>;
}

export function relatedResources(fetcher: ReferenceFetcher): RelatedResources {
  const get = (expected: ExpectedResource) => (url: string, apiRoot: string) => fetcher.fetch(url, expected, { apiRoot });
  return { informatieobject: get(INFORMATIEOBJECT), besluit: get(BESLUIT), zaak: get(ZAAK), object: get(ANY_OBJECT) };
}

/**
 * The behaviour rules of the Autorisaties API (ac-001 .. ac-003), on a complete applicatie
 * (after merging a PATCH). Each broken rule is one invalidParams entry, so a client sees all.
 */
import type { InvalidParam } from '../../platform/http/problem.ts';
import type { Autorisatie } from './schemas.ts';

/**
 * ac-003: an autorisatie on zaken, documenten or besluiten is limited to one type, and for
 * zaken and documenten to a maximum vertrouwelijkheidaanduiding. Which scopes that concerns:
 * those of the component's own resources (`zaken.*` on zrc, `documenten.*` on drc,
 * `besluiten.*` on brc), not e.g. `notificaties.publiceren`.
 */
const TYPE_BOUND: Partial<Record<Autorisatie['component'], { scopePrefix: string; fields: (keyof Autorisatie)[] }>> = {
  zrc: { scopePrefix: 'zaken.', fields: ['zaaktype', 'maxVertrouwelijkheidaanduiding'] },
  drc: { scopePrefix: 'documenten.', fields: ['informatieobjecttype', 'maxVertrouwelijkheidaanduiding'] },
  brc: { scopePrefix: 'besluiten.', fields: ['besluittype'] },
};

export function checkApplicatie(applicatie: { heeftAlleAutorisaties: boolean; autorisaties: Autorisatie[] }): InvalidParam[] {
  const errors: InvalidParam[] = [];
  // ac-002: either everything, or an explicit list; never both, never neither.
  if (applicatie.heeftAlleAutorisaties && applicatie.autorisaties.length > 0) {
    errors.push({
      name: 'nonFieldErrors',
      code: 'ambiguous-authorizations-specified',
      reason: 'Geef ofwel heeftAlleAutorisaties op, ofwel een lijst van autorisaties, niet beide.',
    });
  }
  if (!applicatie.heeftAlleAutorisaties && applicatie.autorisaties.length === 0) {
    errors.push({
      name: 'nonFieldErrors',
      code: 'missing-authorizations',
      reason: 'Geef heeftAlleAutorisaties op, of minstens één autorisatie.',
    });
  }
  applicatie.autorisaties.forEach((autorisatie, index) => {
    const bound = TYPE_BOUND[autorisatie.component];
    if (!bound || !autorisatie.scopes.some((s) => s.startsWith(bound.scopePrefix))) return;
    for (const field of bound.fields) {
      if (!autorisatie[field]) {
        errors.push({ name: `autorisaties.${index}.${field}`, code: 'required', reason: `Dit veld is vereist voor scopes ${bound.scopePrefix}* op ${autorisatie.component}.` });
      }
    }
  });
  return errors;
}

/** ac-001: a client id may belong to one applicatie only. */
export function clientIdsTaken(taken: string[]): InvalidParam[] {
  return taken.length === 0
    ? []
    : [{ name: 'clientIds', code: 'clientId-exists', reason: `De client ID(s) ${taken.join(', ')} zijn al in gebruik bij een andere applicatie.` }];
}

/**
 * The kanalen Open Grond's own components publish on, with the filter kenmerken each API's
 * standard lists in its description ("### Notificaties", "Kenmerken"). They are registered
 * when the Notificaties API starts, so subscribers find them without a publisher doing so.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface KanaalDefinitie {
  naam: string;
  filters: string[];
  /** The API whose document describes the kanaal (its "Notificaties" section): a path. */
  documentatie: string;
}

export const STANDARD_KANALEN: KanaalDefinitie[] = [
  { naam: 'autorisaties', filters: [], documentatie: '/autorisaties/api/v1/openapi.yaml' },
  { naam: 'zaaktypen', filters: ['catalogus'], documentatie: '/catalogi/api/v1/openapi.yaml' },
  { naam: 'besluittypen', filters: ['catalogus'], documentatie: '/catalogi/api/v1/openapi.yaml' },
  { naam: 'informatieobjecttypen', filters: ['catalogus'], documentatie: '/catalogi/api/v1/openapi.yaml' },
  { naam: 'zaken', filters: ['bronorganisatie', 'zaaktype', 'vertrouwelijkheidaanduiding'], documentatie: '/zaken/api/v1/openapi.yaml' },
  { naam: 'documenten', filters: ['bronorganisatie', 'informatieobjecttype', 'vertrouwelijkheidaanduiding'], documentatie: '/documenten/api/v1/openapi.yaml' },
  { naam: 'besluiten', filters: ['verantwoordelijke_organisatie', 'besluittype'], documentatie: '/besluiten/api/v1/openapi.yaml' },
  // Not a ZGW kanaal: the Begraafplaatsen API's reserveringen (docs/begrafenisplanner.md).
  { naam: 'begraafplaatsen', filters: ['begraafplaats'], documentatie: '/begraafplaatsen/api/v1/openapi.yaml' },
];

/** Registers the kanalen that do not exist yet; an existing kanaal of the same name is left as it is. */
export async function registerStandardKanalen(db: Db): Promise<void> {
  for (const kanaal of STANDARD_KANALEN) {
    await sql`
      INSERT INTO notificaties.kanaal (uuid, naam, documentatie_link, filters)
      VALUES (${randomUUID()}, ${kanaal.naam}, ${kanaal.documentatie}, ${kanaal.filters}::text[])
      ON CONFLICT (naam) DO NOTHING`.execute(db);
  }
}

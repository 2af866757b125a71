/**
 * The app's own table (schema `begrafenisplanner`): one row per request of the
 * uitvaartonderneming, holding references only (URLs, BSNs). The app touches no table of any
 * component; test/apps/begrafenisplanner/boundaries.test.ts checks that.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';

export const BEGRAFENISPLANNER_MIGRATIONS = { owner: 'begrafenisplanner', dir: new URL('./migrations/', import.meta.url) };

export interface Aanvraag {
  uuid: string;
  begraafplaats: string | null;
  grafsoort: string | null;
  graf: string | null;
  grafplaats: string | null;
  reservering: string | null;
  bsnOverledene: string | null;
  bsnRechthebbende: string | null;
  producten: string[];
  verlof: string | null;
  /** The other attachments (informatieobjecttype Bijlage begrafenis), by URL, made in Documenten at upload. */
  bijlagen: string[];
  zaak: string | null;
  status: string | null;
  statusGewijzigd: Date | null;
  aangemaakt: Date;
  ingediend: Date | null;
}

const COLUMNS: Record<keyof Omit<Aanvraag, 'uuid' | 'aangemaakt'>, string> = {
  begraafplaats: 'begraafplaats',
  grafsoort: 'grafsoort',
  graf: 'graf',
  grafplaats: 'grafplaats',
  reservering: 'reservering',
  bsnOverledene: 'bsn_overledene',
  bsnRechthebbende: 'bsn_rechthebbende',
  producten: 'producten',
  verlof: 'verlof',
  bijlagen: 'bijlagen',
  zaak: 'zaak',
  status: 'status',
  statusGewijzigd: 'status_gewijzigd',
  ingediend: 'ingediend',
};

const TABLE = 'begrafenisplanner.aanvraag';

function fromRow(r: Record<string, any>): Aanvraag {
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const producten = json(r.producten);
  return {
    uuid: r.uuid,
    begraafplaats: r.begraafplaats,
    grafsoort: r.grafsoort,
    graf: r.graf,
    grafplaats: r.grafplaats,
    reservering: r.reservering,
    bsnOverledene: r.bsn_overledene,
    bsnRechthebbende: r.bsn_rechthebbende,
    producten: producten ?? [],
    verlof: r.verlof,
    bijlagen: json(r.bijlagen) ?? [],
    zaak: r.zaak,
    status: r.status,
    statusGewijzigd: r.status_gewijzigd ? new Date(r.status_gewijzigd) : null,
    aangemaakt: new Date(r.aangemaakt),
    ingediend: r.ingediend ? new Date(r.ingediend) : null,
  };
}

export class AanvraagStore {
  constructor(private readonly db: Db) {}

  async nieuw(): Promise<Aanvraag> {
    const row = await this.db.insertInto(TABLE).values({ uuid: randomUUID() }).returningAll().executeTakeFirstOrThrow();
    return fromRow(row);
  }

  async get(uuid: string): Promise<Aanvraag | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(uuid)) return undefined;
    const row = await this.db.selectFrom(TABLE).selectAll().where('uuid', '=', uuid).executeTakeFirst();
    return row && fromRow(row);
  }

  /** By zaak URL; matched on the zaak's uuid, so the host a notificatie names it by does not matter. */
  async byZaak(zaak: string): Promise<Aanvraag | undefined> {
    const uuid = /([0-9a-f-]{36})\/?$/i.exec(zaak)?.[1];
    if (!uuid) return undefined;
    const row = await this.db.selectFrom(TABLE).selectAll().where('zaak', 'like', `%/${uuid}`).executeTakeFirst();
    return row && fromRow(row);
  }

  async all(): Promise<Aanvraag[]> {
    return (await this.db.selectFrom(TABLE).selectAll().orderBy('aangemaakt', 'desc').execute()).map(fromRow);
  }

  async update(uuid: string, change: Partial<Omit<Aanvraag, 'uuid' | 'aangemaakt'>>): Promise<Aanvraag> {
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(change)) values[COLUMNS[key as keyof typeof COLUMNS]] = key === 'producten' || key === 'bijlagen' ? JSON.stringify(value) : value;
    const row = await this.db.updateTable(TABLE).set(values).where('uuid', '=', uuid).returningAll().executeTakeFirstOrThrow();
    return fromRow(row);
  }

  async remove(uuid: string): Promise<void> {
    await this.db.deleteFrom(TABLE).where('uuid', '=', uuid).execute();
  }
}

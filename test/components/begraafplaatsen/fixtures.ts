/**
 * A test server with the demo begraafplaatsen, clients per scope, and helpers to find a
 * future day with slots.
 */
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { seedDemoBegraafplaatsen } from '../../../src/components/begraafplaatsen/demo.ts';

export const API = '/begraafplaatsen/api/v1';
export const RESERVEERDER = { clientId: 'test-uitvaart', secret: 'test-uitvaart-secret-0123456789' };
export const LEZER = { clientId: 'test-lezer', secret: 'test-lezer-secret-0123456789' };
export const BEHEERDER = { clientId: 'test-beheer-begraafplaats', secret: 'test-beheer-secret-0123456789' };

export async function startBegraafplaatsenServer(options: { reserveringGeldigheid?: number } = {}): Promise<TestServer> {
  const server = await startTestServer({
    ...options,
    extraClients: [
      { ...RESERVEERDER, label: 'Uitvaartonderneming', autorisaties: [{ component: 'ac', scopes: ['begraafplaatsen.reserveren'] }] },
      { ...LEZER, label: 'Lezer', autorisaties: [{ component: 'ac', scopes: ['begraafplaatsen.lezen'] }] },
      { ...BEHEERDER, label: 'Beheer begraafplaatsen', autorisaties: [{ component: 'ac', scopes: ['begraafplaatsen.beheren'] }] },
    ],
  });
  await seedDemoBegraafplaatsen(server.og.database.db);
  return server;
}

/** The next weekdays (Mon–Fri) from a week ahead that are no sluitingsdag of `begraafplaats`. */
export function werkdagen(begraafplaats: { sluitingsdagen: string[] }, count: number): string[] {
  const days: string[] = [];
  const d = new Date(Date.now() + 7 * 86_400_000);
  while (days.length < count) {
    const datum = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (weekday >= 1 && weekday <= 5 && !begraafplaats.sluitingsdagen.includes(datum)) days.push(datum);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return days;
}

/** The next Sunday from a week ahead. */
export function zondag(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  while (d.getUTCDay() !== 0) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Makes a voorlopig reservering expire now, as if its half hour had passed. */
export async function expire(server: TestServer, uuid: string): Promise<void> {
  await sql`UPDATE begraafplaatsen.reservering SET verloopt_op = now() - interval '1 minute' WHERE uuid = ${uuid}`.execute(server.og.database.db);
}

export async function begraafplaatsNamed(server: TestServer, naam: string) {
  const { body } = await server.call('GET', `${API}/begraafplaatsen`);
  return body.results.find((b: { naam: string }) => b.naam === naam);
}

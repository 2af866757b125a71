/**
 * A running Open Grond with the Begrafenisplanner as `opengrond start` assembles it: every
 * component, the demo data (catalogus, begraafplaatsen, the app's clients and persons), the FSC
 * practice group of the gemeente and the uitvaartonderneming, and the app connected — the
 * funeral director's side through the uitvaartonderneming's Outway.
 */
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { seedDemo } from '../../../src/seed.ts';
import { startPracticeGroup, type PracticeGroup } from '../../../src/fsc/practice.ts';
import { seedBegrafenisplanner } from '../../../src/demo/begrafenisplanner.ts';
import type { BegrafenisplannerConnections } from '../../../src/apps/begrafenisplanner/index.ts';

export interface PlannerServer {
  server: TestServer;
  group: PracticeGroup;
  connections: BegrafenisplannerConnections;
  base: string;
  close(): Promise<void>;
}

export async function startPlanner(): Promise<PlannerServer> {
  const server = await startTestServer({ begrafenisplanner: true, notificaties: { allowLoopbackCallbacks: true, backoffSeconds: 1 } });
  const base = server.baseUrl;
  let group: PracticeGroup | undefined;
  try {
    await seedDemo(server.og, { baseUrl: base });
    group = await startPracticeGroup({ zgwBaseUrl: base });
    const connections = await seedBegrafenisplanner(server.og, { origin: base, group });
    await server.og.begrafenisplanner!.connect(connections);
    const g = group;
    return { server, group: g, connections, base, close: async () => { await g.close(); await server.close(); } };
  } catch (error) {
    await group?.close();
    await server.close();
    throw error;
  }
}

/** The next day (from tomorrow) the demo begraafplaatsen are open on weekdays, as YYYY-MM-DD. */
export function nextWeekday(offset = 1): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

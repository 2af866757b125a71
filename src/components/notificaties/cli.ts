/**
 * `opengrond notificaties …`: a process that only delivers, and what an operator does with
 * deliveries (the same as the beheer-API): list them, show one with its attempts, retry dead ones.
 */
import type { Database } from '../../platform/db/database.ts';
import { callbackPolicy } from './index.ts';
import { deliverySettings, type NotificatiesOptions } from './settings.ts';
import { DeliveryWorker } from './delivery/worker.ts';
import { findLevering, listLeveringen, retryDead, type LeveringStatus } from './delivery/leveringen.ts';

export const NOTIFICATIES_USAGE = `Gebruik: opengrond notificaties <deliver|list|show|retry> [opties]

  deliver                         alleen notificaties afleveren (naast 'opengrond start --no-delivery'
                                  of andere afleverprocessen op dezelfde PostgreSQL-database)
  list [--status S] [--abonnement UUID] [--kanaal K] [--limit N]
                                  leveringen, nieuwste eerst; S is pending, delivered of dead
  show ID                         een levering met al zijn pogingen
  retry ID… | --dead [--abonnement UUID] [--kanaal K]
                                  opgegeven (dead) leveringen opnieuw aanbieden
`;

export interface NotificatiesCommand {
  sub: string | undefined;
  args: string[];
  status?: string;
  abonnement?: string;
  kanaal?: string;
  limit?: number;
  dead?: boolean;
  options: NotificatiesOptions;
  /** Scheme and host for events stored without one (`--public-url`). */
  publicUrl?: string;
  log: boolean;
}

/** Runs a subcommand; `deliver` resolves when the process is told to stop. */
export async function runNotificaties(database: Database, command: NotificatiesCommand, out: (line: string) => void): Promise<void> {
  switch (command.sub) {
    case 'deliver':
      return deliver(database, command, out);
    case 'list': {
      const status = command.status as LeveringStatus | undefined;
      if (status && !['pending', 'delivered', 'dead'].includes(status)) throw new Error(`--status moet pending, delivered of dead zijn, niet "${status}".`);
      const { count, results } = await listLeveringen(database.db, { status, abonnement: command.abonnement, kanaal: command.kanaal }, { limit: command.limit ?? 50, offset: 0 });
      out(`${count} levering(en)${results.length < count ? `, de nieuwste ${results.length}` : ''}:`);
      for (const l of results) {
        const b = l.bericht;
        out(`${String(l.id).padStart(8)}  ${l.status.padEnd(9)} ${String(l.attempts).padStart(2)}×  ${b.kanaal} ${b.resource} ${b.actie}  → ${l.callbackUrl}${l.lastError ? `  (${l.lastError.slice(0, 120)})` : ''}`);
      }
      return;
    }
    case 'show': {
      const id = Number(command.args[0]);
      if (!Number.isInteger(id)) throw new Error('Gebruik: opengrond notificaties show ID');
      const levering = await findLevering(database.db, id);
      if (!levering) throw new Error(`Levering ${id} bestaat niet.`);
      out(JSON.stringify(levering, null, 2));
      return;
    }
    case 'retry': {
      const ids = command.args.map(Number);
      if (ids.some((id) => !Number.isInteger(id))) throw new Error('Gebruik: opengrond notificaties retry ID… of --dead');
      if (ids.length === 0 && !command.dead) throw new Error('Geef de nummers van de leveringen, of --dead voor alle opgegeven leveringen.');
      const count = await retryDead(database.db, ids.length ? { ids } : { abonnement: command.abonnement, kanaal: command.kanaal });
      out(`${count} levering(en) opnieuw aangeboden.`);
      return;
    }
    default:
      throw new Error(`Onbekend subcommando "${command.sub ?? ''}".\n\n${NOTIFICATIES_USAGE}`);
  }
}

async function deliver(database: Database, command: NotificatiesCommand, out: (line: string) => void): Promise<void> {
  const settings = deliverySettings({ ...command.options, delivery: true });
  const worker = new DeliveryWorker({
    database,
    settings,
    policy: callbackPolicy(command.options),
    origin: () => command.publicUrl,
    log: command.log ? (message, data) => console.error(JSON.stringify({ time: new Date().toISOString(), message, ...data })) : undefined,
  });
  await worker.start();
  out(`Open Grond levert notificaties af (${settings.concurrency} tegelijk, ${settings.perSubscriber} per abonnement); stoppen met Ctrl-C.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  out('Afleveren stopt; lopende leveringen worden afgemaakt of teruggegeven.');
  await worker.stop();
}

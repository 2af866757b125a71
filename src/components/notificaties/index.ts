/**
 * Notificaties API 1.0.1: publishers register kanalen and publish notificaties, consumers
 * take abonnementen on kanalen with filters on their kenmerken, and every notificatie is
 * delivered to the callback of each abonnement it matches: at least once, in order per
 * hoofdObject, retried with backoff, and kept as dead for an operator when a subscriber does
 * not take it (docs/notificaties.md). Open Grond's own components publish through the
 * platform's transactional outbox; the kanalen they publish on are registered at start.
 */
import type { Component } from '../component.ts';
import { notificatiesOperations } from './routes.ts';
import { beheerApi } from './beheer.ts';
import { registerStandardKanalen } from './kanalen.ts';
import { CallbackPolicy } from './callbacks/policy.ts';
import { deliverySettings } from './settings.ts';
import { DeliveryWorker } from './delivery/worker.ts';

export const notificaties: Component = {
  name: 'notificaties',
  migrations: { owner: 'notificaties', dir: new URL('./migrations/', import.meta.url) },
  api: ({ database, options }) => ({
    name: 'notificaties',
    component: 'nrc',
    title: 'Notificaties API',
    version: '1.0.1',
    description: DESCRIPTION,
    operations: notificatiesOperations({
      database,
      policy: callbackPolicy(options?.notificaties),
      callbackTimeoutMs: deliverySettings(options?.notificaties).timeoutMs,
    }),
  }),
  beheerApi: ({ database }) => beheerApi(database),
  async start({ database, options, origin, log }) {
    await registerStandardKanalen(database.db);
    const settings = deliverySettings(options?.notificaties);
    if (!settings.enabled) return async () => {};
    const worker = new DeliveryWorker({ database, settings, policy: callbackPolicy(options?.notificaties), origin, log });
    await worker.start();
    return () => worker.stop();
  },
};

export function callbackPolicy(options: { allowLoopbackCallbacks?: boolean; callbackAllowlist?: string[] } = {}): CallbackPolicy {
  return new CallbackPolicy({ allowLoopback: options.allowLoopbackCallbacks, allowlist: options.callbackAllowlist });
}

const DESCRIPTION = `Een API om een notificatierouteringscomponent te benaderen.

Deze API voorziet in drie functionaliteiten voor notificaties:

* registreren van kanalen (=exchanges)
* abonneren van consumers op kanalen
* ontvangen en routeren van berichten

**Registreren van kanalen**

Een component dekt een bepaald domein af, en heeft het recht om hiervoor een kanaal te registeren waarop eigen notificaties verstuurd worden. Een kanaal is uniek in naam. Een component dient dus te controleren of een kanaal al bestaat voor het registreren. Bij het registeren van kanalen wordt een documentatielink verwacht die beschrijft welke events en kenmerken van toepassing zijn op het kanaal.

**Abonneren**

Consumers kunnen een abonnement aanmaken voor een of meerdere kanalen. Per kanaal kan op de kenmerken van het kanaal gefilterd worden. Consumers dienen zelf een endpoint te bouwen waarop berichten afgeleverd (kunnen) worden. Bij het aanmaken en wijzigen van een abonnement wordt een testnotificatie (kanaal \`test\`) naar de callback URL gestuurd, met de opgegeven \`auth\` als Authorization-header; die moet met 2xx beantwoord worden.

**Routeren van berichten**

Bronnen sturen berichten naar deze API, die vervolgens de berichten onveranderd routeert naar alle abonnees. Een notificatie wordt minstens één keer afgeleverd, per hoofdObject in volgorde; een mislukte aflevering wordt later opnieuw geprobeerd.

De componenten van Open Grond publiceren op de kanalen \`autorisaties\`, \`zaaktypen\`, \`besluittypen\`, \`informatieobjecttypen\`, \`zaken\`, \`documenten\` en \`besluiten\`; die bestaan vanaf de start.`;

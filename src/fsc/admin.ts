/**
 * The FSC beheerpagina of one peer: offer a service in the Directory, ask another peer for a
 * connection, see contracts and sign them (accept, reject, revoke), see what has not reached
 * another peer yet, and read the transaction log. Server-rendered HTML on the NL Design System
 * layout (src/platform/pages), forms with POST, no JavaScript.
 *
 * Who may use it: whoever manages this peer, nobody in the group. So it is served by its own
 * listener on the loopback interface only (never on the Manager's or Inway's address), answers
 * only requests addressed to a loopback host name (against DNS rebinding), and refuses form
 * posts that a browser marks as coming from another site (Origin / Sec-Fetch-Site). Reaching it
 * from elsewhere takes an SSH tunnel or a reverse proxy with its own login.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { acceptForms, alert, escape, sendPage } from '../platform/pages/html.ts';
import { registerPageAssets } from '../platform/pages/assets.ts';
import { contractState, type ContractState, type Manager } from './manager.ts';
import type { GrantData, SignatureType } from './contract.ts';
import { FscError } from './errors.ts';

export const ADMIN_PATH = '/fsc/beheer';

export interface AdminOptions {
  manager: Manager;
  /** The services this peer's Inway offers (what it can publish). */
  services: string[];
}

const STATE: Record<ContractState, string> = { valid: 'Geldig', proposed: 'Voorgesteld', rejected: 'Geweigerd', revoked: 'Ingetrokken', expired: 'Verlopen' };
const SIGNATURE: Record<SignatureType, string> = { accept: 'geaccepteerd', reject: 'geweigerd', revoke: 'ingetrokken' };
const WHEN = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
const NAV: [string, string][] = [
  [`${ADMIN_PATH}/contracten`, 'Contracten'],
  [`${ADMIN_PATH}/aanbieden`, 'Dienst aanbieden'],
  [`${ADMIN_PATH}/verbinden`, 'Verbinding aanvragen'],
  [`${ADMIN_PATH}/log`, 'Transactielog'],
];
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

type Names = Map<string, string>;
const who = (id: string, names: Names) => `${escape(names.get(id) ?? id)} (${escape(id)})`;

/** One grant in words. */
function describe(data: GrantData, names: Names): string {
  const service = `dienst <strong>${escape(data.service.name)}</strong> van ${who(data.service.peer_id, names)}`;
  const onBehalf = data.service.delegator ? `, aangeboden namens ${who(data.service.delegator.peer_id, names)}` : '';
  switch (data.type) {
    case 'GRANT_TYPE_SERVICE_PUBLICATION':
    case 'GRANT_TYPE_DELEGATED_SERVICE_PUBLICATION':
      return `Publicatie van ${service} in de directory ${who(data.directory!.peer_id, names)}${data.delegator ? `, namens ${who(data.delegator.peer_id, names)}` : ''}`;
    default:
      return `Verbinding van de outway van ${who(data.outway!.peer_id, names)}${data.delegator ? ` namens ${who(data.delegator.peer_id, names)}` : ''} met ${service}${onBehalf}`;
  }
}

function button(label: string, name: string, value: string, kind: 'primary' | 'secondary' = 'secondary'): string {
  return `<button class="utrecht-button utrecht-button--${kind}-action" type="submit" name="${escape(name)}" value="${escape(value)}">${escape(label)}</button>`;
}

function field(id: string, label: string, input: string, hint?: string): string {
  return `<div class="utrecht-form-field utrecht-form-field--text">
<p class="utrecht-form-field__label"><label class="utrecht-form-label" for="${id}">${escape(label)}</label></p>
${hint ? `<p class="utrecht-form-field__description" id="${id}-hint">${escape(hint)}</p>` : ''}
<p class="utrecht-form-field__input">${input}</p>
</div>`;
}

function textbox(id: string, extra = ''): string {
  return `<input class="utrecht-textbox utrecht-textbox--html-input" id="${id}" name="${id}" autocomplete="off"${extra}>`;
}

function table(caption: string, head: string[], rows: string[][]): string {
  return `<table class="utrecht-table utrecht-table--html-table">
<caption class="utrecht-table__caption">${caption}</caption>
<thead class="utrecht-table__header"><tr class="utrecht-table__row">${head.map((h) => `<th class="utrecht-table__header-cell" scope="col">${escape(h)}</th>`).join('')}</tr></thead>
<tbody class="utrecht-table__body">
${rows.map((cells) => `<tr class="utrecht-table__row">${cells.map((c) => `<td class="utrecht-table__cell">${c}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** What went wrong sending to other peers, for an alert. */
function failuresText(failures: string[]): string {
  return failures.length ? ` Niet afgeleverd bij: ${failures.map(escape).join('; ')}.` : '';
}

export function registerFscAdmin(app: FastifyInstance, { manager, services }: AdminOptions): void {
  registerPageAssets(app);

  const names = async (): Promise<Names> => new Map([...(await manager.store.peers({ limit: 10_000 })).map((p): [string, string] => [p.id, p.name]), [manager.peerId, manager.identity.peerName]]);

  const send = (reply: FastifyReply, status: number, current: string, title: string, body: string) =>
    sendPage(reply, status, {
      title,
      site: `FSC-beheer – ${manager.identity.peerName}`,
      nav: NAV,
      current,
      body,
      footer: `Peer ${escape(manager.peerId)} in groep ${escape(manager.options.groupId)}. Deze pagina is alleen op deze machine bereikbaar.`,
    });

  const contractsPage = async (reply: FastifyReply, status = 200, notice = '') => {
    const [overview, peerNames, deliveries] = await Promise.all([manager.overview(), names(), manager.store.deliveries()]);
    const row = (o: (typeof overview)[number]) => {
      const signatures = (Object.keys(SIGNATURE) as SignatureType[]).flatMap((type) => Object.keys(o.contract.signatures[type]).map((peer) => `${who(peer, peerNames)}: ${SIGNATURE[type]}`));
      const actions = o.awaitingMe
        ? `${button('Accepteren', 'type', 'accept', 'primary')} ${button('Weigeren', 'type', 'reject')}`
        : o.state === 'valid' ? button('Intrekken', 'type', 'revoke') : '';
      return [
        o.contract.content.grants.map(({ data }, i) => `${describe(data, peerNames)}<br><code>${escape(o.grantHashes[i])}</code>`).join('<br>'),
        `${STATE[o.state]}${o.awaitingMe ? '<br><strong>Wacht op uw handtekening</strong>' : ''}<br>${signatures.join('<br>')}`,
        `${WHEN.format(new Date(o.contract.content.validity.not_before * 1000))} tot ${WHEN.format(new Date(o.contract.content.validity.not_after * 1000))}`,
        actions ? `<form method="post" action="${ADMIN_PATH}/contracten"><input type="hidden" name="hash" value="${escape(o.contract.hash)}"><p class="utrecht-button-group">${actions}</p></form>` : '',
      ];
    };
    const waiting = overview.filter((o) => o.awaitingMe);
    const body = [
      notice,
      waiting.length ? alert('warning', `${waiting.length === 1 ? 'Eén contract wacht' : `${waiting.length} contracten wachten`} op uw handtekening.`) : '',
      overview.length ? table(`${overview.length} contract${overview.length === 1 ? '' : 'en'} waar ${escape(manager.identity.peerName)} bij betrokken is, nieuwste eerst`, ['Contract', 'Status', 'Geldig', 'Ondertekenen'], overview.map(row)) : alert('info', 'Er zijn nog geen contracten.'),
      deliveries.length
        ? `<h2 class="utrecht-heading-2">Nog niet afgeleverd</h2>${table('Contracten en handtekeningen die een andere peer nog niet heeft ontvangen; ze worden opnieuw verstuurd', ['Peer', 'Wat', 'Pogingen', 'Volgende poging', 'Laatste fout'], deliveries.map((d) => [who(d.peerId, peerNames), escape(`${d.method} ${d.path}`), String(d.attempts), WHEN.format(new Date(d.nextAttemptAt)), escape(d.lastError)]))}`
        : '',
    ].join('\n');
    return send(reply, status, `${ADMIN_PATH}/contracten`, 'Contracten', body);
  };

  const offerPage = (reply: FastifyReply, status = 200, notice = '') => {
    const form = services.length
      ? `<form method="post" action="${ADMIN_PATH}/aanbieden">
${field('dienst', 'Dienst', `<select class="utrecht-select utrecht-select--html-select" id="dienst" name="dienst">${services.map((s) => `<option value="${escape(s)}">${escape(s)}</option>`).join('')}</select>`, 'Een dienst die de inway van deze peer aanbiedt.')}
<p class="utrecht-button-group">${button('Aanbieden in de directory', 'actie', 'aanbieden', 'primary')}</p>
</form>`
      : alert('info', 'Deze peer heeft geen inway met diensten; er is niets aan te bieden.');
    return send(reply, status, `${ADMIN_PATH}/aanbieden`, 'Dienst aanbieden', `${notice}\n<p class="utrecht-paragraph">Met een aanbieding komt een dienst in de directory van de groep, zodat andere organisaties er een verbinding voor kunnen aanvragen. De directory tekent het contract.</p>\n${form}`);
  };

  const connectPage = async (reply: FastifyReply, status = 200, notice = '') => {
    let listing = '';
    try {
      const offered = (await manager.directoryServices()).filter(({ data }) => data.peer.id !== manager.peerId);
      listing = offered.length
        ? table('Diensten in de directory', ['Organisatie', 'Dienst', 'Aanvragen'], offered.map(({ data }) => [
            `${escape(data.peer.name)} (${escape(data.peer.id)})${data.delegator ? `<br>namens ${escape(data.delegator.peer_name)}` : ''}`,
            escape(data.name),
            `<form method="post" action="${ADMIN_PATH}/verbinden"><input type="hidden" name="peer" value="${escape(data.peer.id)}"><input type="hidden" name="dienst" value="${escape(data.name)}">${button('Verbinding aanvragen', 'actie', 'verbinden')}</form>`,
          ]))
        : alert('info', 'De directory heeft (nog) geen diensten van andere organisaties.');
    } catch (error) {
      listing = alert('warning', `De directory is niet bereikbaar: ${escape((error as Error).message)}`);
    }
    const manual = `<h2 class="utrecht-heading-2">Zelf invullen</h2>
<form method="post" action="${ADMIN_PATH}/verbinden">
${field('peer', 'OIN van de organisatie', textbox('peer', ' inputmode="numeric" maxlength="20" size="22"'))}
${field('dienst', 'Naam van de dienst', textbox('dienst', ' size="30"'))}
<p class="utrecht-button-group">${button('Verbinding aanvragen', 'actie', 'verbinden', 'primary')}</p>
</form>`;
    return send(reply, status, `${ADMIN_PATH}/verbinden`, 'Verbinding aanvragen', `${notice}\n<p class="utrecht-paragraph">Een aanvraag is een contract met een ServiceConnectionGrant voor de outway van deze peer. Het werkt zodra de aanbieder het heeft geaccepteerd.</p>\n${listing}\n${manual}`);
  };

  app.register(async (scope) => {
    acceptForms(scope);
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const host = request.headers.host ?? '';
      if (!LOOPBACK_HOST.test(host)) return reply.code(421).type('text/plain; charset=utf-8').send('Deze beheerpagina is alleen via localhost bereikbaar.');
      if (request.method === 'POST') {
        const origin = request.headers.origin;
        const site = request.headers['sec-fetch-site'];
        if ((origin && origin !== `http://${host}`) || (site && site !== 'same-origin' && site !== 'none')) {
          return reply.code(403).type('text/plain; charset=utf-8').send('Formulieren van een andere site worden geweigerd.');
        }
      }
    });

    scope.get(ADMIN_PATH, async (_request, reply) => reply.redirect(`${ADMIN_PATH}/contracten`, 303));
    scope.get(`${ADMIN_PATH}/contracten`, async (_request, reply) => contractsPage(reply));
    scope.post(`${ADMIN_PATH}/contracten`, async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string>;
      const type = form.type as SignatureType;
      if (!form.hash || !(type in SIGNATURE)) return contractsPage(reply, 400, alert('error', 'Kies een contract en accepteren, weigeren of intrekken.'));
      const contract = await manager.store.contract(form.hash);
      if (!contract) return contractsPage(reply, 404, alert('error', 'Dit contract is niet bekend.'));
      const state = contractState(contract, Math.floor(Date.now() / 1000));
      if ((type === 'revoke' && state !== 'valid') || (type !== 'revoke' && state !== 'proposed')) {
        return contractsPage(reply, 409, alert('error', `Een contract met status ${STATE[state].toLowerCase()} kan niet worden ${SIGNATURE[type]}.`));
      }
      const { failures } = await manager.sign(form.hash, type);
      return contractsPage(reply, 200, alert(failures.length ? 'warning' : 'ok', `Contract ${SIGNATURE[type]}.${failuresText(failures)}`));
    });

    scope.get(`${ADMIN_PATH}/aanbieden`, async (_request, reply) => offerPage(reply));
    scope.post(`${ADMIN_PATH}/aanbieden`, async (request, reply) => {
      const name = String((request.body as Record<string, string> | undefined)?.dienst ?? '');
      if (!services.includes(name)) return offerPage(reply, 400, alert('error', 'Kies een dienst die deze peer aanbiedt.'));
      try {
        const { failures } = await manager.publishService(name);
        return offerPage(reply, 200, alert(failures.length ? 'warning' : 'ok', `Dienst ${escape(name)} aangeboden in de directory.${failuresText(failures)}`));
      } catch (error) {
        return offerPage(reply, 502, alert('error', `Aanbieden lukte niet: ${escape((error as Error).message)}`));
      }
    });

    scope.get(`${ADMIN_PATH}/verbinden`, async (_request, reply) => connectPage(reply));
    scope.post(`${ADMIN_PATH}/verbinden`, async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string>;
      const peer = String(form.peer ?? '').trim();
      const name = String(form.dienst ?? '').trim();
      if (!/^\d{20}$/.test(peer) || !name) return connectPage(reply, 400, alert('error', 'Vul het OIN (20 cijfers) van de organisatie en de naam van de dienst in.'));
      try {
        const { failures } = await manager.requestConnection(peer, name);
        return connectPage(reply, 200, alert(failures.length ? 'warning' : 'ok', `Verbinding met dienst ${escape(name)} van ${escape(peer)} aangevraagd; die organisatie moet het contract nog accepteren.${failuresText(failures)}`));
      } catch (error) {
        const message = error instanceof FscError ? error.message : (error as Error).message;
        return connectPage(reply, 400, alert('error', `Aanvragen lukte niet: ${escape(message)}`));
      }
    });

    scope.get(`${ADMIN_PATH}/log`, async (_request, reply) => {
      const [{ records }, peerNames] = await Promise.all([manager.logs({ limit: '100' }), names()]);
      const body = records.length
        ? table(`De laatste ${records.length} transacties, nieuwste eerst`, ['Wanneer', 'Richting', 'Transactie', 'Van', 'Naar', 'Grant hash'], records.map((r) => [
            `<time datetime="${new Date(r.created_at * 1000).toISOString()}">${escape(WHEN.format(new Date(r.created_at * 1000)))}</time>`,
            r.direction === 'DIRECTION_INCOMING' ? 'Inkomend (inway)' : 'Uitgaand (outway)',
            `<code>${escape(r.transaction_id)}</code>`,
            `${who(r.source.outway_peer_id, peerNames)}${r.source.delegator_peer_id ? `<br>namens ${who(r.source.delegator_peer_id, peerNames)}` : ''}`,
            `${who(r.destination.service_peer_id, peerNames)}: ${escape(r.service_name)}${r.destination.delegator_peer_id ? `<br>namens ${who(r.destination.delegator_peer_id, peerNames)}` : ''}`,
            `<code>${escape(r.grant_hash)}</code>`,
          ]))
        : alert('info', 'Er zijn nog geen transacties gelogd.');
      return send(reply, 200, `${ADMIN_PATH}/log`, 'Transactielog', body);
    });
  });
}

/** The beheerpagina on its own listener, on the loopback interface only. */
export async function startAdmin(options: AdminOptions, port = 0): Promise<{ address: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  registerFscAdmin(app, options);
  await app.listen({ port, host: '127.0.0.1' });
  const actual = (app.server.address() as { port: number }).port;
  return { address: `http://127.0.0.1:${actual}${ADMIN_PATH}`, close: () => app.close() };
}

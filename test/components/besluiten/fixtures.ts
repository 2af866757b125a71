/**
 * What the Besluiten tests share: a published catalogus setup (informatieobjecttype,
 * besluittype naming it, zaaktype naming the besluittype) made through the Catalogi API, and
 * another instance on a real socket serving just enough of a Zaken and a Documenten API: zaken
 * and enkelvoudiginformatieobjecten to refer to, and the synchronisation endpoints the
 * Besluiten API registers its relations with. Like the reference implementation, that other
 * instance checks a relation against the Besluiten API before it accepts it (`verify`).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestServer } from '../../helpers/server.ts';
import { zaaktypeBody } from '../catalogi/fixtures.ts';

export const ROOT = '/besluiten/api/v1';
export const CATALOGI = '/catalogi/api/v1';
/** The client the other instance knows this one by (`--remote-services`). */
export const REMOTE_CLIENT = { clientId: 'opengrond-besluiten', secret: 'besluiten-elders-secret-0123456789' };

export interface Catalogus {
  catalogus: string;
  informatieobjecttype: string;
  besluittype: string;
  zaaktype: string;
}

/**
 * A published informatieobjecttype, a published besluittype naming it, a published zaaktype
 * naming that besluittype and using the informatieobjecttype (a zaaktype-informatieobjecttype),
 * so a zaak of it may have both a besluit and a document.
 */
export async function publishedTypes(server: TestServer, domein: string, omschrijving = 'besluit'): Promise<Catalogus> {
  const post = async (path: string, body: unknown) => {
    const answer = await server.call('POST', path, { body });
    assert.equal(answer.status, 201, `${path}: ${JSON.stringify(answer.body)}`);
    return answer.body.url as string;
  };
  const publish = async (url: string) => assert.equal((await server.call('POST', `${url}/publish`)).status, 200);
  const catalogus = await post(`${CATALOGI}/catalogussen`, { domein, rsin: '000000000', contactpersoonBeheerNaam: 'Beheer' });
  // Related while concepts (the Catalogi concept rules), then published, as the suite's setUp does.
  const informatieobjecttype = await post(`${CATALOGI}/informatieobjecttypen`, { catalogus, omschrijving: `${omschrijving}-document`, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01' });
  const besluittype = await post(`${CATALOGI}/besluittypen`, { catalogus, omschrijving, publicatieIndicatie: false, informatieobjecttypen: [`${omschrijving}-document`], beginGeldigheid: '2020-01-01' });
  const zaaktype = await post(`${CATALOGI}/zaaktypen`, zaaktypeBody(catalogus, `${domein}-ZT`, { besluittypen: [omschrijving] }));
  await post(`${CATALOGI}/zaaktype-informatieobjecttypen`, { zaaktype, informatieobjecttype: `${omschrijving}-document`, volgnummer: 1, richting: 'inkomend' });
  for (const url of [informatieobjecttype, besluittype, zaaktype]) await publish(url);
  return { catalogus, informatieobjecttype, besluittype, zaaktype };
}

/** A besluit body with what is required. */
export const besluitBody = (besluittype: string, extra: Record<string, unknown> = {}) => ({
  verantwoordelijkeOrganisatie: '000000000',
  besluittype,
  datum: '2024-03-01',
  ingangsdatum: '2024-03-02',
  ...extra,
});

/** A request the other instance got. */
export interface Received {
  method: string;
  path: string;
  body: any;
  headers: IncomingHttpHeaders;
}

/**
 * Another instance serving a Zaken API and a Documenten API under its own URL. `fail` makes
 * the next synchronisation request on a path prefix answer 500; `verify` is how it reads the
 * Besluiten API back before accepting a relation (set by the test, with a client of its own).
 */
export class OtherInstance {
  readonly received: Received[] = [];
  readonly zaakbesluiten = new Map<string, { url: string; uuid: string; besluit: string }>();
  readonly objectinformatieobjecten = new Map<string, { url: string; informatieobject: string; object: string; objectType: string }>();
  /** Path prefixes (`POST /zaken/…`) whose requests answer 500 until removed. */
  readonly failing = new Set<string>();
  verify: (request: Received) => Promise<string | undefined> = async () => undefined;
  url = '';
  #server: Server | undefined;
  #zaken = new Map<string, Record<string, unknown>>();
  #documenten = new Map<string, Record<string, unknown>>();

  async start(): Promise<this> {
    this.#server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        const received: Received = { method: request.method!, path: request.url!, body: text ? JSON.parse(text) : undefined, headers: request.headers };
        this.received.push(received);
        this.#answer(received).then(
          ([status, body]) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body)),
          (error) => response.writeHead(500).end(String(error)),
        );
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  /** A zaak of `zaaktype` there; answers its URL. */
  addZaak(zaaktype: string, extra: Record<string, unknown> = {}): string {
    const uuid = randomUUID();
    const url = `${this.url}/zaken/api/v1/zaken/${uuid}`;
    this.#zaken.set(uuid, {
      url, uuid, identificatie: `ZAAK-${uuid.slice(0, 4)}`, bronorganisatie: '000000000', zaaktype, verantwoordelijkeOrganisatie: '000000000',
      startdatum: '2024-01-01', einddatum: null, vertrouwelijkheidaanduiding: 'openbaar', betalingsindicatieWeergave: '', deelzaken: [], eigenschappen: [],
      rollen: [], status: null, resultaat: null, zaakinformatieobjecten: [], zaakobjecten: [], ...extra,
    });
    return url;
  }

  /** An enkelvoudiginformatieobject of `informatieobjecttype` there; answers its URL. */
  addDocument(informatieobjecttype: string, extra: Record<string, unknown> = {}): string {
    const uuid = randomUUID();
    const url = `${this.url}/documenten/api/v1/enkelvoudiginformatieobjecten/${uuid}`;
    this.#documenten.set(uuid, {
      url, identificatie: `DOC-${uuid.slice(0, 4)}`, bronorganisatie: '000000000', creatiedatum: '2024-01-01', titel: 'brief', auteur: 'auteur', taal: 'nld',
      versie: 1, beginRegistratie: '2024-01-01T00:00:00Z', informatieobjecttype, locked: false, bestandsdelen: [], vertrouwelijkheidaanduiding: 'openbaar', ...extra,
    });
    return url;
  }

  /** The requests of one method under a path prefix. */
  requests(method: string, prefix: string): Received[] {
    return this.received.filter((r) => r.method === method && r.path.startsWith(prefix));
  }

  async #answer(request: Received): Promise<[number, unknown?]> {
    const path = request.path.split('?')[0]!;
    for (const prefix of this.failing) if (`${request.method} ${path}`.startsWith(prefix)) return [500, { detail: 'Storing.' }];
    let match: RegExpExecArray | null;
    if (request.method === 'GET' && (match = /^\/zaken\/api\/v1\/zaken\/([^/]+)$/.exec(path))) {
      const zaak = this.#zaken.get(match[1]!);
      return zaak ? [200, zaak] : [404, { detail: 'Niet gevonden.' }];
    }
    if (request.method === 'GET' && (match = /^\/documenten\/api\/v1\/enkelvoudiginformatieobjecten\/([^/]+)$/.exec(path))) {
      const document = this.#documenten.get(match[1]!);
      return document ? [200, document] : [404, { detail: 'Niet gevonden.' }];
    }
    if (request.method === 'POST' && (match = /^\/zaken\/api\/v1\/zaken\/([^/]+)\/besluiten$/.exec(path))) {
      const refused = await this.verify(request);
      if (refused) return [400, { detail: refused }];
      const uuid = randomUUID();
      const zaakbesluit = { url: `${this.url}${path}/${uuid}`, uuid, besluit: request.body.besluit };
      this.zaakbesluiten.set(zaakbesluit.url, zaakbesluit);
      return [201, zaakbesluit];
    }
    if (request.method === 'DELETE' && /^\/zaken\/api\/v1\/zaken\/[^/]+\/besluiten\/[^/]+$/.test(path)) {
      const refused = await this.verify(request);
      if (refused) return [400, { detail: refused }];
      return this.zaakbesluiten.delete(`${this.url}${path}`) ? [204] : [404, { detail: 'Niet gevonden.' }];
    }
    if (request.method === 'POST' && path === '/documenten/api/v1/objectinformatieobjecten') {
      const refused = await this.verify(request);
      if (refused) return [400, { detail: refused }];
      const oio = { url: `${this.url}${path}/${randomUUID()}`, ...request.body };
      this.objectinformatieobjecten.set(oio.url, oio);
      return [201, oio];
    }
    if (request.method === 'DELETE' && path.startsWith('/documenten/api/v1/objectinformatieobjecten/')) {
      const refused = await this.verify(request);
      if (refused) return [400, { detail: refused }];
      return this.objectinformatieobjecten.delete(`${this.url}${path}`) ? [204] : [404, { detail: 'Niet gevonden.' }];
    }
    return [404, { detail: 'Niet gevonden.' }];
  }
}

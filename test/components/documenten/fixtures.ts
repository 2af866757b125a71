/**
 * What the Documenten tests share: a server with a known file directory, a published
 * informatieobjecttype to give documents, and a look at the content files on disk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LIMITED, startTestServer, type TestServer } from '../../helpers/server.ts';

export { LIMITED };
import type { ServerOptions } from '../../../src/server.ts';
import type { ClientSpec } from '../../../src/components/autorisaties/provision.ts';

export const DRC = '/documenten/api/v1';

export interface DocumentenServer extends TestServer {
  dataDir: string;
  /** The content files the store holds (complete ones; not those being written). */
  contentFiles(): string[];
  /** A published informatieobjecttype in a fresh catalogus. */
  informatieobjecttype(vertrouwelijkheidaanduiding?: string): Promise<string>;
  /** Gives the `limited` client these Documenten rights (an Applicatie in the Autorisaties API). */
  grantLimited(autorisaties: { scopes: string[]; informatieobjecttype: string; maxVertrouwelijkheidaanduiding: string }[]): Promise<void>;
}

export async function startDocumentenServer(options: Partial<ServerOptions> & { extraClients?: ClientSpec[] } = {}): Promise<DocumentenServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opengrond-drc-test-'));
  const server = await startTestServer({ dataDir, ...options });
  let catalogus: string | undefined;
  let count = 0;
  return {
    ...server,
    dataDir,
    contentFiles() {
      const root = path.join(dataDir, 'documenten');
      if (!fs.existsSync(root)) return [];
      return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('.tmp')).map((e) => e.name);
    },
    async informatieobjecttype(vertrouwelijkheidaanduiding = 'openbaar') {
      if (!catalogus) {
        const created = await server.call('POST', '/catalogi/api/v1/catalogussen', { body: { domein: 'DRCT', rsin: '000000000', contactpersoonBeheerNaam: 'Test' } });
        catalogus = created.body.url;
      }
      count += 1;
      const iot = await server.call('POST', '/catalogi/api/v1/informatieobjecttypen', {
        body: { catalogus, omschrijving: `type ${count}`, vertrouwelijkheidaanduiding, beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'test' },
      });
      if (iot.status !== 201) throw new Error(`informatieobjecttype: ${iot.status} ${JSON.stringify(iot.body)}`);
      const published = await server.call('POST', `${iot.body.url}/publish`);
      if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
      return iot.body.url as string;
    },
    async grantLimited(autorisaties) {
      const applicatie = await server.call('POST', '/autorisaties/api/v1/applicaties', {
        body: { clientIds: [LIMITED.clientId], label: 'Beperkt', heeftAlleAutorisaties: false, autorisaties: autorisaties.map((a) => ({ component: 'drc', ...a })) },
      });
      if (applicatie.status !== 201) throw new Error(`applicatie: ${applicatie.status} ${JSON.stringify(applicatie.body)}`);
    },
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid document body with base64 content. */
export function documentBody(informatieobjecttype: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const content = (overrides.content as string | undefined) ?? 'hallo wereld';
  const { content: _, ...rest } = overrides;
  return {
    bronorganisatie: '000000000',
    creatiedatum: '2024-01-01',
    titel: 'testdocument',
    auteur: 'tester',
    taal: 'dut',
    bestandsnaam: 'test.txt',
    inhoud: Buffer.from(content).toString('base64'),
    bestandsomvang: Buffer.byteLength(content),
    informatieobjecttype,
    ...rest,
  };
}

/** The body of a download as text. */
export async function download(server: TestServer, url: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${await server.token()}` } });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** Uploads one bestandsdeel as multipart/form-data. */
export async function uploadPart(server: TestServer, url: string, lock: string, content: Buffer | string, client?: { clientId: string; secret: string }): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('lock', lock);
  form.append('inhoud', new Blob([content]), 'deel.bin');
  const response = await fetch(url, { method: 'PUT', body: form, headers: { Authorization: `Bearer ${await server.token(client)}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

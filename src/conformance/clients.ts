/**
 * The JWT clients the suite signs its tokens with, taken from its fixture for the
 * Autorisaties API (fixtures/fixture_ac.json): every `vng_api_common.jwtsecret` becomes a
 * client, and one named by an `authorizations.applicatie` with `heeft_alle_autorisaties`
 * gets all rights. The rest (`zgw_api_tests_limited`) get an identity and no rights.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One entry of the server's `--clients FILE`. */
export interface ClientEntry {
  clientId: string;
  secret: string;
  label?: string;
  heeftAlleAutorisaties?: boolean;
}

interface FixtureRecord {
  model: string;
  fields: Record<string, unknown>;
}

export function clientsFromFixture(records: FixtureRecord[]): ClientEntry[] {
  const applicaties = records
    .filter((r) => r.model === 'authorizations.applicatie')
    .map((r) => ({ clientIds: parseList(r.fields.client_ids), label: r.fields.label, all: r.fields.heeft_alle_autorisaties === true }));
  return records
    .filter((r) => r.model === 'vng_api_common.jwtsecret')
    .map((r) => {
      const clientId = String(r.fields.identifier);
      const entry: ClientEntry = { clientId, secret: String(r.fields.secret) };
      const applicatie = applicaties.find((a) => a.clientIds.includes(clientId));
      if (typeof applicatie?.label === 'string') entry.label = applicatie.label;
      if (applicatie?.all) entry.heeftAlleAutorisaties = true;
      return entry;
    });
}

/** `client_ids` is a JSON-encoded list in the fixture (`"[\"zgw_api_tests\"]"`). */
function parseList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [value];
  } catch {
    return [value];
  }
}

export function writeClientsFile(dir: string, clients: ClientEntry[]): string {
  const file = path.join(dir, 'clients.json');
  fs.writeFileSync(file, `${JSON.stringify(clients, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/**
 * The register of verwerkingsactiviteiten the server gets for a run: the suite is a ZGW client
 * that does not send the `Verwerkingsactiviteit` header, so its reads of rollen (personal
 * data when they carry a BSN) are logged under one activity that names every fixture client
 * as its Applicaties, as a deployment configures a zaaksysteem that does not know the header
 * (docs/zaken.md, "Logboek dataverwerkingen").
 */
export function writeRegisterFile(dir: string, clients: ClientEntry[]): string {
  const file = path.join(dir, 'verwerkingsactiviteiten.json');
  const register = [
    {
      id: 'https://opengrond.example/verwerkingsactiviteiten/zgw-conformancetest',
      naam: 'Conformancetest ZGW API\'s',
      doel: 'De officiële testset van VNG draaien tegen deze installatie (fictieve gegevens)',
      grondslag: 'Geen: alleen testgegevens',
      applicaties: clients.map((c) => c.clientId),
    },
  ];
  fs.writeFileSync(file, `${JSON.stringify(register, null, 2)}\n`);
  return file;
}

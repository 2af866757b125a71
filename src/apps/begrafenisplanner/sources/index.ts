/** One client module per source API, all over one transport: straight, or through an FSC Outway. */
import { SourceClient, type ClientCredentials, type SourceRoute } from './http.ts';
import { BegraafplaatsenApi } from './begraafplaatsen.ts';
import { ZakenApi } from './zaken.ts';
import { DocumentenApi } from './documenten.ts';
import { CatalogiApi } from './catalogi.ts';
import { BrpApi } from './brp.ts';
import { NotificatiesApi } from './notificaties.ts';

export const SOURCE_NAMES = ['begraafplaatsen', 'zaken', 'documenten', 'catalogi', 'brp', 'notificaties'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

const LABELS: Record<SourceName, string> = {
  begraafplaatsen: 'Begraafplaatsen API',
  zaken: 'Zaken API',
  documenten: 'Documenten API',
  catalogi: 'Catalogi API',
  brp: 'BRP Personen API',
  notificaties: 'Notificaties API',
};

export interface Sources {
  begraafplaatsen: BegraafplaatsenApi;
  zaken: ZakenApi;
  documenten: DocumentenApi;
  catalogi: CatalogiApi;
  brp: BrpApi;
  notificaties: NotificatiesApi;
}

/** How one organisation reaches the gemeente's sources: the origin they name resources with, and per source the Outway grant, if any. */
export interface Connection {
  origin: string;
  credentials: ClientCredentials;
  /** The organisation's Outway and, per source (FSC service name), the grant hash of its contract. */
  outway?: { address: string; grants: Record<SourceName, string> };
  timeoutMs?: number;
}

export function connectSources(c: Connection): Sources {
  const client = (name: SourceName) => {
    const route: SourceRoute = { origin: c.origin, outway: c.outway && { address: c.outway.address, grantHash: c.outway.grants[name] } };
    return new SourceClient(LABELS[name], route, c.credentials, c.timeoutMs);
  };
  return {
    begraafplaatsen: new BegraafplaatsenApi(client('begraafplaatsen')),
    zaken: new ZakenApi(client('zaken')),
    documenten: new DocumentenApi(client('documenten')),
    catalogi: new CatalogiApi(client('catalogi')),
    brp: new BrpApi(client('brp')),
    notificaties: new NotificatiesApi(client('notificaties')),
  };
}

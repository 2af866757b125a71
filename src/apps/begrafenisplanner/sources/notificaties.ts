/**
 * The Notificaties API: the app's abonnement on kanaal `zaken`, filtered on the zaaktype
 * Begraven, with its callback into the app. Made once: an abonnement with the same callback
 * URL is reused (its `auth` brought up to date), so a restart does not pile them up.
 */
import type { SourceClient } from './http.ts';

const ROOT = '/notificaties/api/v1';

export interface Notificatie {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: string;
  aanmaakdatum: string;
  kenmerken?: Record<string, string>;
}

export class NotificatiesApi {
  constructor(readonly client: SourceClient) {}

  async abonneer(callbackUrl: string, auth: string, zaaktype: string): Promise<string> {
    const body = { callbackUrl, auth, kanalen: [{ naam: 'zaken', filters: { zaaktype } }] };
    const existing = (await this.client.get<{ url: string; callbackUrl: string }[]>(`${ROOT}/abonnement`)).find((a) => a.callbackUrl === callbackUrl);
    if (existing) return (await this.client.request<{ url: string }>('PUT', existing.url, { body })).body.url;
    return (await this.client.post<{ url: string }>(`${ROOT}/abonnement`, body)).url;
  }
}

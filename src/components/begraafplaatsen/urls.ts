/** The Begraafplaatsen API's resource URLs, and the uuid of one of ours from its URL. */
export const API_PATH = '/begraafplaatsen/api/v1';

export type Collection = 'begraafplaatsen' | 'grafsoorten' | 'graven' | 'grafplaatsen' | 'reserveringen';

export const urls = (apiRoot: string) => {
  const of = (collection: Collection) => (uuid: string) => `${apiRoot}/${collection}/${uuid}`;
  return {
    begraafplaats: of('begraafplaatsen'),
    grafsoort: of('grafsoorten'),
    graf: of('graven'),
    grafplaats: of('grafplaatsen'),
    reservering: of('reserveringen'),
  };
};

/**
 * The uuid in a URL of ours (on any host, as the other components accept their own URLs), or
 * undefined for any other URL.
 */
export function ownUuid(url: string, collection: Collection): string | undefined {
  const match = new RegExp(`${API_PATH}/${collection}/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?$`, 'i').exec(url);
  return match?.[1]?.toLowerCase();
}

/** A list filter on a URL: its uuid, `null` (matches nothing) for a URL not of ours, undefined when absent. */
export function filterUuid(url: string | undefined, collection: Collection): string | null | undefined {
  if (url === undefined) return undefined;
  return ownUuid(url, collection) ?? null;
}

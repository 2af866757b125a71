/**
 * Our own resources are stored by path (`/autorisaties/api/v1/applicaties/…`), not by absolute
 * URL: the same instance is reached under several host names (localhost, behind a proxy, a
 * public name), and a stored host would pin one of them.
 */
export function localPath(url: string): string {
  return url.startsWith('/') ? url : new URL(url).pathname;
}

export function absoluteUrl(origin: string, pathOrUrl: string): string {
  return pathOrUrl.startsWith('/') ? `${origin.replace(/\/+$/, '')}${pathOrUrl}` : pathOrUrl;
}

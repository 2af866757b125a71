/**
 * The newman environment: the suite's local.postman_environment.json (client ids and
 * secrets), with every API root pointed at the one Open Grond server and `mock_url` at the
 * local mock server.
 */
import type { PostmanEnvironment } from './suite.ts';

/** Environment variable → path of the API root on the server. */
export const API_ROOTS: Record<string, string> = {
  ac_url: '/autorisaties/api/v1',
  ztc_url: '/catalogi/api/v1',
  zrc_url: '/zaken/api/v1',
  drc_url: '/documenten/api/v1',
  brc_url: '/besluiten/api/v1',
  nrc_url: '/notificaties/api/v1',
  referentielijst_url: '/referentielijsten/api/v1',
};

export function buildEnvironment(local: PostmanEnvironment, serverUrl: string, mockUrl: string): PostmanEnvironment {
  const base = serverUrl.replace(/\/+$/, '');
  const overrides: Record<string, string> = { mock_url: mockUrl.replace(/\/+$/, '') };
  for (const [key, path] of Object.entries(API_ROOTS)) overrides[key] = base + path;

  const values = local.values.map((v) => (v.key in overrides ? { ...v, value: overrides[v.key]!, enabled: true } : { ...v }));
  for (const [key, value] of Object.entries(overrides)) {
    if (!values.some((v) => v.key === key)) values.push({ key, value, enabled: true });
  }
  return { ...local, name: `${local.name ?? 'ZGW'} (Open Grond conformance)`, values };
}

/**
 * A real Open Grond on a real socket for a test file, with two clients: `admin` (all rights)
 * and `limited` (an identity without rights), and helpers to call it with signed JWTs.
 */
import { SignJWT } from 'jose';
import { buildOpenGrond, type OpenGrond, type ServerOptions } from '../../src/server.ts';
import type { ClientSpec } from '../../src/components/autorisaties/provision.ts';
import { createTestDatabase } from './database.ts';
import { DEMO_VERWERKINGSACTIVITEITEN, type Verwerkingsactiviteit } from '../../src/platform/logboek/logboek.ts';

export const ADMIN = { clientId: 'test-admin', secret: 'test-admin-secret-0123456789' };
export const LIMITED = { clientId: 'test-limited', secret: 'test-limited-secret-0123456789' };

export interface TestServer {
  og: OpenGrond;
  baseUrl: string;
  token(client?: { clientId: string; secret: string }, claims?: Record<string, unknown>): Promise<string>;
  /** fetch with a JWT of `client` (default admin) and JSON body handling. */
  call(method: string, path: string, options?: { body?: unknown; client?: { clientId: string; secret: string }; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/**
 * The demo register, in which these clients' reads of personal data (rollen with a BSN) are
 * logged under the first activity without naming it: ZGW clients that do not send the
 * `Verwerkingsactiviteit` header, configured as docs/zaken.md describes.
 */
export function registerWithDefault(...clientIds: string[]): Verwerkingsactiviteit[] {
  const [first, ...rest] = DEMO_VERWERKINGSACTIVITEITEN;
  return [{ ...first!, applicaties: clientIds }, ...rest];
}

/** `beforeListen`: add routes to the app (a stand-in for an API not built here) before it listens. */
export async function startTestServer(options: Partial<ServerOptions> & { extraClients?: ClientSpec[]; beforeListen?: (og: OpenGrond) => void } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const og = await buildOpenGrond({
    database: database.target,
    clients: [
      { ...ADMIN, label: 'Test admin', heeftAlleAutorisaties: true },
      { ...LIMITED, label: 'Test limited' },
      ...(options.extraClients ?? []),
    ],
    ...options,
  });
  options.beforeListen?.(og);
  const baseUrl = await og.app.listen({ port: 0, host: '127.0.0.1' });

  const token = (client = ADMIN, claims: Record<string, unknown> = {}) =>
    new SignJWT({ client_id: client.clientId, user_id: 'tester', user_representation: 'Test Gebruiker', ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(client.clientId)
      .setIssuedAt()
      .sign(new TextEncoder().encode(client.secret));

  return {
    og,
    baseUrl,
    token,
    async call(method, path, { body, client, headers = {} } = {}) {
      const response = await fetch(path.startsWith('http') ? path : `${baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${await token(client)}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await og.close();
      await database.drop();
    },
  };
}

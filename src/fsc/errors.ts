/**
 * FSC errors: the `Fsc-Error-Code` header plus `{ message, domain, code }` (Core, "Error
 * handling"), with the HTTP status the standard assigns to each code.
 */
import type { ServerResponse } from 'node:http';

export type ErrorDomain = 'ERROR_DOMAIN_MANAGER' | 'ERROR_DOMAIN_INWAY' | 'ERROR_DOMAIN_OUTWAY';

export class FscError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly domain: ErrorDomain = 'ERROR_DOMAIN_MANAGER',
  ) {
    super(message);
  }

  get body() {
    return { message: this.message, domain: this.domain, code: this.code };
  }
}

/** Writes an FSC error on a raw response (Inway, Outway); 401s carry `WWW-Authenticate: Bearer`. */
export function sendFscError(res: ServerResponse, error: FscError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(error.body);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'fsc-error-code': error.code };
  if (error.status === 401) headers['www-authenticate'] = 'Bearer';
  res.writeHead(error.status, headers).end(body);
}

/** What the Inway and the Outway both need to know about the requests they pass on. */
import type { IncomingMessage } from 'node:http';

/** Whether a request has a body (HTTP/1.1 message framing: a non-zero Content-Length or Transfer-Encoding). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

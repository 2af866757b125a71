/**
 * Reads the one kind of multipart/form-data body the app's pages send (a form with text fields
 * and a few files; one field may carry several, `<input multiple>`), so a file can be uploaded without JavaScript. Bodies are limited by
 * Fastify's bodyLimit; each part's headers are read as the browser writes them (RFC 7578).
 */
export interface UploadedFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  /** Per field name, every file chosen in it, in the order sent. */
  files: Record<string, UploadedFile[]>;
}

export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const result: MultipartBody = { fields: {}, files: {} };
  if (!boundary) return result;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    // A part is CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) {
        if (filename !== undefined) {
          if (filename) (result.files[name] ??= []).push({ filename: filename.split(/[\\/]/).pop()!, contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream', data: Buffer.from(content) });
        } else result.fields[name] = content.toString('utf8');
      }
    }
    position = next;
  }
  return result;
}

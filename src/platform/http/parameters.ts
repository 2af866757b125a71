/**
 * The parameter and header schemas the ZGW specs repeat on every resource, word for word:
 * the uuid path parameter, `page`, `expand` and the Location header of a 201. One definition
 * here, so every component's OpenAPI document says the same thing.
 */
import { validationError } from './problem.ts';
import { Type } from './schema.ts';

export const UUID = Type.String({ format: 'uuid', description: 'Unieke resource identifier (UUID4)' });
export const UuidParams = Type.Object({ uuid: UUID });
export const LOCATION = { Location: { description: 'URL waar de resource leeft.', schema: { type: 'string', format: 'uri' } } };
export const PAGE = Type.Integer({ description: 'Een pagina binnen de gepagineerde set resultaten.', minimum: 1 });
export const EXPAND = Type.String({
  description:
    'Haal details van gelinkte resources direct op. Als je meerdere resources tegelijk wilt ophalen kun je deze scheiden met een komma. Voor het ophalen van resources die een laag dieper genest zijn wordt de punt-notatie gebruikt.',
});

/**
 * The fields asked for with `expand`, each one of `allowed`. A dotted field
 * (`zaaktype.catalogus`) is checked and returned by its first part, unless `exactPaths`:
 * then `allowed` lists the dotted paths themselves (Documenten).
 */
export function expandFields(expand: string | undefined, allowed: string[], options: { exactPaths?: boolean } = {}): string[] {
  const fields = (expand ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  const key = (f: string) => (options.exactPaths ? f : f.split('.')[0]!);
  const wrong = fields.filter((f) => !allowed.includes(key(f)));
  if (wrong.length) throw validationError([{ name: 'expand', code: 'invalid-expand-field', reason: `Ongeldige expand-velden: ${wrong.join(', ')}; mogelijk: ${allowed.join(', ')}.` }]);
  return [...new Set(fields.map(key))];
}

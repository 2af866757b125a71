/**
 * Date-times as ZGW clients send them: ISO 8601 with an offset (`2019-01-01T12:00:00Z`), or,
 * as the reference implementations accept, without one (`2019-01-01T12:00:00`), which is then
 * Dutch local time (Europe/Amsterdam, summer time included).
 */
import { Type, type TObject, type TSchema } from '@sinclair/typebox';

const PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$';
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A copy of an object schema for request validation in which each `date-time` property also
 * accepts a value without an offset; document the original (`document.body`).
 */
export function acceptingLocalDateTimes<T extends TObject>(schema: T): T {
  const properties: Record<string, TSchema> = {};
  for (const [key, property] of Object.entries(schema.properties as Record<string, TSchema>)) {
    if (property.format !== 'date-time') {
      properties[key] = property;
      continue;
    }
    const { format: _, ...rest } = property;
    properties[key] = { ...rest, pattern: PATTERN } as TSchema;
  }
  return Type.Object(properties, { required: schema.required }) as unknown as T;
}

/** The instant a date-time names: with its offset, or else in Europe/Amsterdam; undefined when it is none. */
export function parseDateTime(value: string): Date | undefined {
  if (!new RegExp(PATTERN).test(value)) return undefined;
  if (HAS_OFFSET.test(value)) return new Date(value);
  const asUtc = new Date(`${value}Z`).getTime();
  // The offset of Amsterdam at (about) that moment; exact except in the hour clocks change.
  return new Date(asUtc - amsterdamOffsetMs(asUtc));
}

function amsterdamOffsetMs(time: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(time))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(time / 1000) * 1000;
}

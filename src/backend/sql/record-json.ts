/**
 * Record values as the SQL store keeps them: JSON text. Not `jsonb`, which refuses U+0000 and lone
 * surrogates (app storage may hold both): `JSON.stringify` writes them as `\u` escapes, which text
 * keeps as they are and `JSON.parse` turns back.
 */

/** A record as JSON; throws a `TypeError` naming the field when a value has no JSON form. */
export function recordToJson(where: string, value: unknown): string {
  assertJson(where, value, '');
  return JSON.stringify(value);
}

function assertJson(where: string, value: unknown, path: string): void {
  const at = () => `${where}${path || ' (the record)'}`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${at()} is ${value}: the SQL store keeps JSON, which has no such number`);
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          if (!(index in value) || value[index] === undefined) throw new TypeError(`${at()}[${index}] is undefined: JSON arrays have no holes`);
          assertJson(where, value[index], `${path}[${index}]`);
        }
        return;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        throw new TypeError(`${at()} is a ${kind}: the SQL store keeps plain JSON objects`);
      }
      for (const [field, inner] of Object.entries(value)) {
        // An undefined field is no field, as JSON.stringify drops it.
        if (inner !== undefined) assertJson(where, inner, `${path}.${field}`);
      }
      return;
    }
    default:
      throw new TypeError(`${at()} is a ${typeof value}: the SQL store keeps JSON`);
  }
}

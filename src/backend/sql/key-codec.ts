/**
 * Keys as the SQL store keeps them: UTF-16BE bytes in a `bytea` column. Byte order of UTF-16BE is
 * code-unit order, the order the store contract promises, whatever the database's collation; text
 * under `COLLATE "C"` would compare UTF-8 bytes instead, which puts U+E000–U+FFFF after the
 * characters above U+FFFF. Lone surrogates, which UTF-8 text cannot hold, survive as well.
 */

/** A key as UTF-16BE bytes. */
export function encodeKey(key: string): Uint8Array {
  const bytes = new Uint8Array(key.length * 2);
  for (let index = 0; index < key.length; index++) {
    const unit = key.charCodeAt(index);
    bytes[index * 2] = unit >> 8;
    bytes[index * 2 + 1] = unit & 0xff;
  }
  return bytes;
}

/** The key back from its UTF-16BE bytes. */
export function decodeKey(bytes: Uint8Array): string {
  if (bytes.length % 2 !== 0) throw new RangeError(`A stored key has an odd number of bytes (${bytes.length})`);
  const units = new Array<number>(bytes.length / 2);
  for (let index = 0; index < units.length; index++) units[index] = (bytes[index * 2]! << 8) | bytes[index * 2 + 1]!;
  let key = '';
  // In slices, so a long key does not overflow the argument list.
  for (let start = 0; start < units.length; start += 4096) key += String.fromCharCode(...units.slice(start, start + 4096));
  return key;
}

/**
 * The least byte string above every byte string that starts with `prefix` (an exclusive upper
 * bound): the prefix with its last byte below 0xFF raised by one, what follows dropped. None when
 * every byte is 0xFF (or the prefix is empty): nothing bounds the range from above.
 */
export function prefixUpperBound(prefix: Uint8Array): Uint8Array | undefined {
  for (let end = prefix.length - 1; end >= 0; end--) {
    if (prefix[end]! < 0xff) {
      const bound = prefix.slice(0, end + 1);
      bound[end] = prefix[end]! + 1;
      return bound;
    }
  }
  return undefined;
}

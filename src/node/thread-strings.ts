// A message between threads is a structured clone, which writes every string out in full: the follow-ups of
// a 1,000-report archive name the same few thousand sentences, report ids and terms about a million times
// (336 MB on the wire), and the receiving thread would hold a copy of each. Packing sends every distinct
// string once, in a table, and the receiver's objects share the table's strings.

/** A value whose strings are replaced by their index in `strings`. */
export interface PackedStrings<T> {
  strings: string[];
  /** `value` with every string turned into a number-like key ("0", "1", …) into `strings`. */
  value: unknown;
  /** Only for the type: what `unpackStrings` gives back. */
  readonly __type?: T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Replaces every string in plain objects and arrays (not keys) by its index in a table of distinct strings,
 * IN PLACE: a copy of a large graph would double it at the moment memory is shortest. `unpackStrings` on
 * the same object puts the strings back (after postMessage has cloned the packed form).
 */
export function packStrings<T>(value: T): PackedStrings<T> {
  const index = new Map<string, string>();
  const strings: string[] = [];
  const pack = (item: unknown): unknown => {
    if (typeof item === 'string') {
      let key = index.get(item);
      if (key === undefined) {
        key = String(strings.length);
        index.set(item, key);
        strings.push(item);
      }
      return key;
    }
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) item[i] = pack(item[i]);
      return item;
    }
    if (isPlainObject(item)) {
      for (const key of Object.keys(item)) item[key] = pack(item[key]);
      return item;
    }
    return item;
  };
  return { strings, value: pack(value) };
}

/** The value `packStrings` packed, its strings taken from the table (one copy each); restores it in place. */
export function unpackStrings<T>(packed: PackedStrings<T>): T {
  const { strings } = packed;
  const unpack = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const text = strings[Number(item)];
      if (text === undefined) throw new Error(`packed string ${item} is not in the table`);
      return text;
    }
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) item[i] = unpack(item[i]);
      return item;
    }
    if (isPlainObject(item)) {
      for (const key of Object.keys(item)) item[key] = unpack(item[key]);
      return item;
    }
    return item;
  };
  return unpack(packed.value) as T;
}

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

/** Replaces, in place, every string value in plain objects and arrays (not keys) by what `replace` gives. */
function replaceStringsInPlace(item: unknown, replace: (text: string) => string): unknown {
  if (typeof item === 'string') return replace(item);
  if (Array.isArray(item)) {
    for (let i = 0; i < item.length; i++) item[i] = replaceStringsInPlace(item[i], replace);
  } else if (isPlainObject(item)) {
    for (const key of Object.keys(item)) item[key] = replaceStringsInPlace(item[key], replace);
  }
  return item;
}

/**
 * Replaces every string by its index in a table of distinct strings, IN PLACE: a copy of a large graph
 * would double it at the moment memory is shortest. `unpackStrings` on the same object puts the strings
 * back (after postMessage has cloned the packed form).
 */
export function packStrings<T>(value: T): PackedStrings<T> {
  const index = new Map<string, string>();
  const strings: string[] = [];
  const packed = replaceStringsInPlace(value, (text) => {
    let key = index.get(text);
    if (key === undefined) {
      key = String(strings.length);
      index.set(text, key);
      strings.push(text);
    }
    return key;
  });
  return { strings, value: packed };
}

/** The value `packStrings` packed, its strings taken from the table (one copy each); restores it in place. */
export function unpackStrings<T>(packed: PackedStrings<T>): T {
  return replaceStringsInPlace(packed.value, (key) => {
    const text = packed.strings[Number(key)];
    if (text === undefined) throw new Error(`packed string ${key} is not in the table`);
    return text;
  }) as T;
}

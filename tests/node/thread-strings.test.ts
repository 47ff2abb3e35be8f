import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadSampleArchive } from '../../bench/follow-up-quality.ts';
import { resolveFollowUps } from '../../src/lib/compare/follow-up.ts';
import { packStrings, unpackStrings } from '../../src/node/thread-strings.ts';

describe('packStrings / unpackStrings', () => {
  // The message the follow-up worker sends: the sample archive's follow-ups.
  const { followUps } = resolveFollowUps(loadSampleArchive());

  it('gives back the same follow-ups after a structured clone, as between threads, and restores the sender’s', () => {
    const original = structuredClone(followUps);
    const packed = packStrings(followUps);
    const arrived = structuredClone(packed);
    expect(unpackStrings(packed)).toBe(followUps);
    expect(followUps).toEqual(original);
    expect(unpackStrings(arrived)).toEqual(original);
  });

  it('sends each distinct string once, so the message is smaller than the follow-ups cloned as they are', () => {
    const texts = followUps.flatMap((f) => [f.text, ...f.followUps.map((e) => e.text), ...f.suggested.map((s) => s.text)]);
    const plainSize = v8.serialize(followUps).length;
    const packed = packStrings(followUps);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    expect(texts.every((text) => packed.strings.includes(text))).toBe(true);
    expect(v8.serialize(packed).length).toBeLessThan(plainSize);
    unpackStrings(packed);
  });

  it('keeps numbers, booleans, null and absent fields, and strings that look like numbers or start with a marker', () => {
    const value = { a: '0', b: 0, c: ['~1', '1', null, true], d: { e: undefined, f: 'x' } };
    const original = structuredClone(value);
    expect(unpackStrings(structuredClone(packStrings(value)))).toEqual(original);
  });

  it('rejects a packed value whose table lacks a string', () => {
    expect(() => unpackStrings({ strings: [], value: { a: '3' } })).toThrow(/packed string 3/);
  });
});

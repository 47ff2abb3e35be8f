import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/lib/redact.ts';

describe('createRedactor', () => {
  it('masks every occurrence, longest term first, also with spaces inside the name', () => {
    const redact = createRedactor(['王某某', '王某某副主席', '李强'], 'XXX');
    expect(redact('王某某副主席与王某某、李　强和李 强座谈')).toBe('XXX与XXX、XXX和XXX座谈');
  });

  it('treats regular-expression characters in a term literally', () => {
    expect(createRedactor(['A.B(1)'])('A.B(1) 与 AxB(1)')).toBe('XXX 与 AxB(1)');
  });

  it('leaves text alone when there is nothing to redact', () => {
    expect(createRedactor([' ', ''])('原文不变')).toBe('原文不变');
  });
});

import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../src/cli/progress.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
}

describe('createProgressBar', () => {
  it('redraws a bar in place on a terminal', () => {
    const { stream, written } = fakeStream(true);
    const bar = createProgressBar(4, '导入', stream);
    bar.tick();
    bar.tick();
    expect(written.at(-1)).toBe('\r导入 [############------------] 2/4');
    bar.done();
    expect(written.at(-1)!.endsWith('\r')).toBe(true);
  });

  it('prints nothing when the output is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const bar = createProgressBar(4, '导入', stream);
    bar.tick();
    bar.done();
    expect(written).toEqual([]);
  });
});

/** A one-line progress bar on stderr for batches, redrawn in place; silent when stderr is not a terminal (logs, CI). */
export function createProgressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true && total > 1;
  const width = 24;
  let current = 0;
  const draw = () => {
    const filled = Math.round((current / total) * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${current}/${total}`);
  };
  return {
    tick(): void {
      current += 1;
      if (enabled) draw();
    },
    done(): void {
      if (enabled) stream.write(`\r${' '.repeat(label.length * 2 + width + 16)}\r`);
    },
  };
}

const BAR_WIDTH = 30;

/**
 * Reports progress through a long file on stderr: a bar redrawn in place on a terminal, and
 * on a pipe or in a log a plain line at every tenth, which stays readable there.
 */
export function progressReporter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): (done: number, total: number) => void {
  let lastTenth = 0;
  return (done, total) => {
    if (stream.isTTY) {
      const filled = Math.round((done / total) * BAR_WIDTH);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
      stream.write(`\r${label} [${bar}] ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth && done !== total) return;
    lastTenth = tenth;
    stream.write(`${label}: ${done} of ${total} rows\n`);
  };
}

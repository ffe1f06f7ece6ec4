import { writeSync } from 'node:fs';

/**
 * Writes a one-page command's answer straight to file descriptor 1. Creating
 * process.stdout loads Node's streams (and, on a terminal, its TTY and network modules):
 * 5-10 ms of a one-page check's start (docs/architecture.md, "The command line"). A descriptor left
 * non-blocking by its owner may refuse a full write (EAGAIN): the rest then goes through
 * process.stdout, which waits. A reader that has gone (EPIPE, `| head`) ends the output.
 */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    process.stdout.write(bytes.subarray(written));
  }
}

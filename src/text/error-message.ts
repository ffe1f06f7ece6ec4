/** The message of an Error's `cause`, if it has one: Node's fetch says "fetch failed" or "terminated" and keeps the useful part there. */
export function causeMessage(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  return cause instanceof Error && cause.message !== '' ? cause.message : undefined;
}

/**
 * What went wrong, in words: an Error's message, or anything else thrown as a string.
 * With `withCause`, the cause's message follows in brackets (for network errors).
 */
export function errorMessage(error: unknown, { withCause = false } = {}): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = withCause ? causeMessage(error) : undefined;
  return cause === undefined ? message : `${message} (${cause})`;
}

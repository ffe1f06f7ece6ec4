// The development set of rewritten copies (tests/fixtures/rewrites, README there): each
// file retells the bundled original whose id is its name, in one of three styles.
import { readdirSync, readFileSync } from 'node:fs';

export const REWRITE_STYLES = ['close', 'restructured', 'condensed'] as const;
export type RewriteStyle = (typeof REWRITE_STYLES)[number];

export interface Rewrite {
  readonly style: RewriteStyle;
  /** The id of the bundled original it retells. */
  readonly id: string;
  readonly text: string;
}

const ROOT = new URL('../fixtures/rewrites/', import.meta.url);

export function rewrites(style: RewriteStyle): Rewrite[] {
  const folder = new URL(`${style}/`, ROOT);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ style, id: file.slice(0, -'.txt'.length), text: readFileSync(new URL(file, folder), 'utf8') }));
}

/**
 * The rewritten page the browser tests serve: a close paraphrase from the set, retold pair
 * by pair (the command line calls it rewritten from its original, 9 of its 10 paragraphs
 * retold), with the title a content farm would give it.
 */
export const SERVED_REWRITE = {
  id: 'wikinews-bush-deploys-military-in-the-us-for-active-duty-as-federal-response-force',
  title: 'Troops take on a new role at home',
} as const;

/** The served rewrite's paragraphs, as its page shows them. */
export const servedRewriteParagraphs = (): string[] =>
  readFileSync(new URL(`close/${SERVED_REWRITE.id}.txt`, ROOT), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

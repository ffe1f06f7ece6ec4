// Saved repost examples: what a researcher keeps of a page, and their export formats
// (JSON Lines and CSV) with an import that restores them without loss or duplicates.
import Papa from 'papaparse';
import { hashString } from '../fingerprint/hash';
import { parseJsonLines } from '../text/jsonl';
import type { Finding, MatchInfo, Verdict } from '../report/report';

export interface SavedExample {
  /** Same page, same text: same id. Saving or importing it again changes nothing. */
  readonly id: string;
  readonly url: string;
  readonly savedAt: string;
  readonly title: string;
  readonly verdict: Verdict;
  readonly match: MatchInfo | null;
  readonly findings: readonly Finding[];
  /** The page's extracted paragraphs: the example survives the page being edited or removed. */
  readonly paragraphs: readonly string[];
  readonly tags: readonly string[];
  /** What the reader said of the verdict ("This verdict is wrong" in the popup); kept here only. */
  readonly feedback?: VerdictFeedback;
}

/** The reader's word on a verdict: kept on this computer with the example, exported with it, never sent. */
export interface VerdictFeedback {
  readonly verdictWrong: true;
  /** When it was said (ISO 8601). */
  readonly at: string;
  readonly comment?: string;
}

/** Longer comments are cut: a note on a verdict, not a document. */
export const MAX_FEEDBACK_COMMENT_CHARS = 2_000;

export function exampleId(url: string, paragraphs: readonly string[]): string {
  return `${hashString(url).toString(16).padStart(8, '0')}${hashString(paragraphs.join('\n')).toString(16).padStart(8, '0')}`;
}

export function toJsonl(examples: readonly SavedExample[]): string {
  return examples.map((e) => JSON.stringify(e)).join('\n') + (examples.length ? '\n' : '');
}

const CSV_COLUMNS = [
  'id',
  'url',
  'saved_at',
  'title',
  'verdict',
  'original_title',
  'original_url',
  'finding_kinds',
  'tags',
  'feedback_verdict_wrong',
  'feedback_at',
  'feedback_comment',
  'match_json',
  'findings_json',
  'text',
] as const;

/** CSV for spreadsheets; the _json columns and the text keep everything for a lossless import. */
export function toCsv(examples: readonly SavedExample[]): string {
  return Papa.unparse({
    fields: [...CSV_COLUMNS],
    data: examples.map((e) => [
      e.id,
      e.url,
      e.savedAt,
      e.title,
      e.verdict,
      e.match?.title ?? '',
      e.match?.url ?? '',
      e.findings.map((f) => f.kind).join(';'),
      e.tags.join(';'),
      e.feedback ? 'yes' : '',
      e.feedback?.at ?? '',
      e.feedback?.comment ?? '',
      JSON.stringify(e.match),
      JSON.stringify(e.findings),
      e.paragraphs.join('\n\n'),
    ]),
  });
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** Every verdict a saved example may hold: a Record, so that a new verdict cannot be forgotten here. */
const VERDICT_NAMES: Record<Verdict, true> = {
  original: true,
  rewritten: true,
  repost: true,
  unrelated: true,
  'not-an-article': true,
  'too-large': true,
};
const VERDICTS = new Set(Object.keys(VERDICT_NAMES));

function checked(value: Partial<SavedExample>, where: string): SavedExample {
  const fail = (why: string): never => {
    throw new ImportError(`${where}: ${why}`);
  };
  if (typeof value.id !== 'string' || !value.id) fail('no "id"');
  if (typeof value.url !== 'string') fail('no "url"');
  if (!VERDICTS.has(value.verdict as string)) fail(`unknown verdict "${String(value.verdict)}"`);
  if (!Array.isArray(value.findings)) fail('"findings" is not a list');
  if (!Array.isArray(value.paragraphs)) fail('"paragraphs" is not a list');
  const feedback = value.feedback === undefined ? undefined : checkedFeedback(value.feedback, fail);
  return {
    id: value.id!,
    url: value.url!,
    savedAt: String(value.savedAt ?? ''),
    title: String(value.title ?? ''),
    verdict: value.verdict!,
    match: value.match ?? null,
    findings: value.findings!,
    paragraphs: value.paragraphs!.map(String),
    tags: Array.isArray(value.tags) ? value.tags.map(String) : [],
    ...(feedback ? { feedback } : {}),
  };
}

function checkedFeedback(value: unknown, fail: (why: string) => never): VerdictFeedback {
  const { verdictWrong, at, comment } = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (verdictWrong !== true || typeof at !== 'string' || (comment !== undefined && typeof comment !== 'string')) {
    fail('"feedback" is not a verdict feedback');
  }
  return feedbackOf(at as string, comment as string | undefined);
}

/** The feedback "this verdict is wrong", said at `at`, with the reader's comment when there is one. */
export function feedbackOf(at: string, comment?: string): VerdictFeedback {
  const said = comment?.trim().slice(0, MAX_FEEDBACK_COMMENT_CHARS) ?? '';
  return { verdictWrong: true, at, ...(said ? { comment: said } : {}) };
}

/**
 * Keeps the reader's feedback with the example: the saved example of that id gets it (the
 * page saved before keeps its tags), or the example is saved with it.
 */
export function withFeedback(
  kept: readonly SavedExample[],
  example: SavedExample,
  feedback: VerdictFeedback,
): SavedExample[] {
  if (!kept.some((e) => e.id === example.id)) return [...kept, { ...example, feedback }];
  return kept.map((e) => (e.id === example.id ? { ...e, feedback } : e));
}

/** Reads an export back (JSON Lines or CSV, told apart by content); throws ImportError naming the line. */
export function parseExamples(text: string): SavedExample[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{')) {
    const examples: SavedExample[] = [];
    for (const { value, line } of parseJsonLines(trimmed, (at) => new ImportError(`line ${at}: not valid JSON`))) {
      examples.push(checked(value as Partial<SavedExample>, `line ${line}`));
    }
    return examples;
  }
  const parsed = Papa.parse<Record<string, string>>(trimmed, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const error = parsed.errors[0]!;
    throw new ImportError(`row ${(error.row ?? 0) + 2}: ${error.message}`);
  }
  return parsed.data.map((row, i) => {
    const where = `row ${i + 2}`;
    let match: MatchInfo | null;
    let findings: Finding[];
    try {
      match = JSON.parse(row['match_json'] ?? 'null') as MatchInfo | null;
      findings = JSON.parse(row['findings_json'] ?? '[]') as Finding[];
    } catch {
      throw new ImportError(`${where}: the match_json or findings_json column is not valid JSON`);
    }
    return checked(
      {
        id: row['id'],
        url: row['url'],
        savedAt: row['saved_at'],
        title: row['title'],
        verdict: row['verdict'] as Verdict,
        match,
        findings,
        paragraphs: (row['text'] ?? '').split('\n\n').filter((p) => p !== ''),
        tags: (row['tags'] ?? '').split(';').filter(Boolean),
        ...(row['feedback_verdict_wrong'] === 'yes'
          ? {
              feedback: {
                verdictWrong: true,
                at: row['feedback_at'] ?? '',
                ...(row['feedback_comment'] ? { comment: row['feedback_comment'] } : {}),
              },
            }
          : {}),
      },
      where,
    );
  });
}

/** Adds examples not already kept (by id); returns the merged list and how many were new. */
export function mergeExamples(
  kept: readonly SavedExample[],
  incoming: readonly SavedExample[],
): { examples: SavedExample[]; added: number } {
  const ids = new Set(kept.map((e) => e.id));
  const fresh = incoming.filter((e) => !ids.has(e.id) && ids.add(e.id));
  return { examples: [...kept, ...fresh], added: fresh.length };
}

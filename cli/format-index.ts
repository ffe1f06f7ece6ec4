import type { IndexSummary } from '../src/corpus/index-file';

/** `corpus info` for people: counts, size, build date and the publishers, largest first. */
export function formatIndexSummary(info: IndexSummary, name: string): string {
  const publishers = Object.entries(info.publishers).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    `${name}: ${info.originals.toLocaleString('en')} originals, ${info.paragraphs.toLocaleString('en')} paragraphs, ${(info.bytes / 1048576).toFixed(2)} MB (index format ${info.formatVersion}, built ${info.built})`,
    ...publishers.map(([publisher, count]) => `  ${count.toLocaleString('en').padStart(7)}  ${publisher}`),
  ].join('\n');
}

import type { CorpusIndex } from '../../src/corpus/corpus-index';

/** One value per original of an index, in order (its records, its sketches…). */
export const everyOriginal = <T>(index: CorpusIndex, of: (o: number) => T): T[] =>
  Array.from({ length: index.originalCount }, (_, o) => of(o));

// The index file (.rrx): what the rest of the code imports of it. Its parts:
//   index-format.ts  the layout, constants and the errors a reader gives
//   index-block.ts   one block of originals, encoded and decoded
//   index-writer.ts  serializeIndex
//   index-reader.ts  summarizeIndex, deserializeIndex (a LoadedIndex), verifyIndex
export { headLength, INDEX_FORMAT_VERSION, INDEX_MAGIC, looksLikeIndex, PREAMBLE_BYTES } from './index-format';
export { deserializeIndex, summarizeIndex, verifyIndex, type IndexSource, type IndexSummary } from './index-reader';
export { serializeIndex, type SerializeOptions } from './index-writer';

// One batch worker: loads the corpus once, then checks the pages it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { CorpusIndex } from '../src/corpus/corpus-index';
import { CorpusError } from '../src/corpus/records';
import { analyzeArticle } from '../src/check/analyze';
import { loadCorpus } from './load-corpus';
import { decodePage, pageToArticle } from './inputs';
import type { WorkerReply, WorkerRequest } from './batch';
import { errorMessage } from '../src/text/error-message';

let index: CorpusIndex;
try {
  index = await loadCorpus((workerData as { corpus?: string }).corpus);
} catch (error) {
  // A bad corpus is the user's to fix: say so in a message the main thread turns back into a CorpusError.
  parentPort!.postMessage({ corpusError: error instanceof CorpusError ? error.message : String(error) });
  process.exit(0);
}
parentPort!.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const text = decodePage(new TextEncoder().encode(request.text), request.source);
    const { report } = analyzeArticle(await pageToArticle(text, request.name, request.url), index);
    reply = { id: request.id, report };
  } catch (error) {
    reply = { id: request.id, error: errorMessage(error) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });

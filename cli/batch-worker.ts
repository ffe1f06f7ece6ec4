// One batch worker: loads the corpus once, then checks the pages it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle } from '../src/report/analyze';
import { loadCorpus } from './corpus-source';
import { decodePage, pageToArticle } from './inputs';
import type { WorkerReply, WorkerRequest } from './batch';

const index = loadCorpus((workerData as { corpus?: string }).corpus);
parentPort!.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const text = decodePage(new TextEncoder().encode(request.text), request.source);
    const { report } = analyzeArticle(pageToArticle(text, request.name, request.url), index);
    reply = { id: request.id, report };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true });

import { Redis } from 'ioredis';
import { InputError } from '../inputs';
import { errorMessage } from '../../src/text/error-message';

/** The queue's name when --queue is not given. */
export const DEFAULT_QUEUE = 'repost-radar';

/** Checks a --redis address before anything connects to it. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`bad redis url ${url}: expected redis://host:port`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new InputError(`bad redis url ${url}: expected redis://host:port or rediss://host:port`);
  }
  return url;
}

/**
 * A connection for the commands a person runs and waits on: it fails at once with
 * one line when Redis is not there, rather than retrying for ever.
 */
export async function connectOnce(url: string): Promise<Redis> {
  checkRedisUrl(url);
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  // ioredis reports why (ECONNREFUSED, a DNS failure) on 'error', and rejects connect() with less.
  let why = '';
  redis.on('error', (error: Error) => {
    why ||= error.message;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new InputError(`cannot reach redis at ${url} (${why || errorMessage(error)})`);
  }
  return redis;
}

/**
 * A connection for workers: it waits out a Redis restart (BullMQ needs
 * maxRetriesPerRequest null so its blocking commands are never abandoned).
 */
export function connectForWorker(url: string, onError: (error: Error) => void): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on('error', onError);
  return redis;
}

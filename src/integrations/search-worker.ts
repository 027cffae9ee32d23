/**
 * A worker thread that indexes search shards for the build (search.ts). A thread of its own loads its own
 * copy of pagefind's Node API, and with it a pagefind process of its own: the API keeps one process per
 * module instance, and its close() ends that process for every index in the thread.
 */
import { parentPort } from 'node:worker_threads';
import type { Page } from './search-cache.ts';
import { writeBundle } from './search-shard.ts';

export interface ShardJob {
  pages: Page[];
  outputPath: string;
}

export type ShardDone = { error?: string };

parentPort?.on('message', (job: ShardJob) => {
  writeBundle(job.pages, job.outputPath).then(
    () => parentPort!.postMessage({} satisfies ShardDone),
    (error: unknown) =>
      parentPort!.postMessage({
        error: error instanceof Error ? error.message : String(error),
      } satisfies ShardDone),
  );
});

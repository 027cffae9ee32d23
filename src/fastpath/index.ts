/**
 * The fast path: a new submission on the served site within seconds of the branch moving, before the full
 * build. startFastPath() starts a resident process (worker.ts) on the bundle the last build kept (bundle.ts);
 * update() has it render the pages the changed entries touch (select.ts) and write them atomically into the
 * served site (write.ts). The full build follows and replaces the site; each page the fast path wrote is
 * byte for byte the page the full build writes for the same content and the same "now" (test/fastpath.test.ts).
 *
 * A process, not a module in the caller: a new bundle after each full build means new module instances, which
 * Node never unloads; a new process per bundle frees the old one whole. It can also be killed at any moment
 * without harm to the served site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import {
  OPTIONS_VARIABLE,
  type UpdateMessage,
  type UpdateResult,
  type WorkerOptions,
} from './worker-options.ts';

export interface FastPathOptions {
  /** The project (its src/ and node_modules/). */
  root: string;
  /** The folder being served now; the pages are written there. */
  siteDir(): string | undefined;
  /** The content/ to read (npm start: the builder's work tree). */
  contentDir: string;
  /** Astro's cache folder of the builds (where they keep their bundle: bundle.ts). */
  cacheDir: string;
  /**
   * The environment the full builds get (npm start: the CMS variables, PORTAL_SITE): pages read it when they
   * render (/admin/ reads PORTAL_CMS_BACKEND), so the fast path renders with the same. Default: this process's.
   */
  env?: NodeJS.ProcessEnv;
}

export interface FastPathUpdate extends UpdateResult {
  /** The "now" the pages were rendered at; the full build that follows must be given the same (PORTAL_NOW). */
  now: string;
}

export interface FastPath {
  /** Milliseconds from start to ready: loading the bundle, the content store and every page module. */
  warmupMs: number;
  /** The resident process. */
  pid: number;
  /**
   * Renders and writes the pages that the changed content touches. `changedContentFiles` names what moved
   * (absolute, or relative to the folder that holds contentDir, as `git diff --name-only` gives them): those
   * are read whatever their file times say; the process compares every entry's digest itself, so a file
   * left out is still seen once its times show the change. `now` defaults to the clock.
   */
  update(changedContentFiles: readonly string[], now?: Temporal.Instant): Promise<FastPathUpdate>;
  close(): Promise<void>;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

type Message =
  | { type: 'ready'; ms: number }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; result: UpdateResult }
  | { type: 'error'; id: number; message: string };

export async function startFastPath(options: FastPathOptions): Promise<FastPath> {
  const workerOptions: WorkerOptions = {
    root: options.root,
    cacheDir: options.cacheDir,
    contentDir: options.contentDir,
    siteDir: options.siteDir(),
  };
  // The options go in the environment, not on the command line: the site's folder in a process list would
  // look like the build writing it (test/start.test.ts finds the build by that folder).
  // A larger young generation: an update allocates hundreds of megabytes of short-lived values (entries,
  // compliance rows, pages) over a heap holding the whole content store, and with Node's default most of its
  // time went to collecting them (measured at 20,000 entries: 20.2 s → 17.7 s per update, docs/performance.md).
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=64', WORKER], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...(options.env ?? process.env),
      ASTRO_TELEMETRY_DISABLED: '1',
      [OPTIONS_VARIABLE]: JSON.stringify(workerOptions),
    },
  });
  const pending = new Map<number, { resolve(r: UpdateResult): void; reject(e: Error): void }>();
  let exited: Error | undefined;
  const warmupMs = await new Promise<number>((resolve, reject) => {
    child.on('message', (message: Message) => {
      if (message.type === 'ready') resolve(message.ms);
      else if (message.type === 'failed') reject(new Error(`快速发布通道无法启动：${message.message}`));
      else if (message.type === 'done') pending.get(message.id)?.resolve(message.result);
      else if (message.type === 'error') pending.get(message.id)?.reject(new Error(message.message));
      if (message.type === 'done' || message.type === 'error') pending.delete(message.id);
    });
    child.once('exit', (code, signal) => {
      exited = new Error(`快速发布通道的进程已退出（${signal ?? code}）`);
      reject(exited);
      for (const { reject: fail } of pending.values()) fail(exited);
      pending.clear();
    });
  });
  let next = 0;
  return {
    warmupMs,
    pid: child.pid!,
    async update(changedContentFiles, now = Temporal.Now.instant()) {
      const siteDir = options.siteDir();
      if (!siteDir) throw new Error('还没有在提供的站点');
      if (exited) throw exited;
      const id = ++next;
      // The form PORTAL_NOW takes (src/site/now.ts): Beijing time with its offset, to the second.
      const nowText = now
        .toZonedDateTimeISO('Asia/Shanghai')
        .toString({ smallestUnit: 'second', timeZoneName: 'never' });
      // As git names them: relative to the work tree, the folder that holds content/.
      const files = changedContentFiles.map((file) => resolve(options.contentDir, '..', file));
      const result = await new Promise<UpdateResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const message: UpdateMessage = { type: 'update', id, siteDir, now: nowText, files };
        child.send(message);
      });
      return { ...result, now: nowText };
    },
    async close() {
      if (exited || child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

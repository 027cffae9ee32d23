/** A gate on a throwaway clone, and a client that speaks to it as the admin page (or an attacker) would. */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { fileName } from '../../src/cms/save.ts';
import { toYaml } from '../../src/load/yaml-write.ts';
import { startGate, type RunningGate } from '../../src/gate/local.ts';
import { build } from './build.ts';
import { cloneRepo, git } from './cms.ts';

/** The header the tests' stand-in for the login proxy sets. */
export const USER_HEADER = 'Remote-User';

export interface TestGate extends RunningGate {
  repo: string;
  /** Every line the gate logged. */
  logged: string[];
  /** Every ref and its commit, and the working tree's status: what no refused request may change. */
  state(): string;
  /** Sends one API request; `as` sets the login header (header identity), `headers` replace the defaults. */
  api(
    body: unknown,
    options?: { as?: string; headers?: Record<string, string>; raw?: string },
  ): Promise<{ status: number; json: { error?: string } & Record<string, unknown> }>;
  remove(): Promise<void>;
}

/** Starts a gate on a fresh clone; `admins` makes it use the login header, as in production. */
export async function testGate(options: { admins?: string[]; siteDir?: () => string | undefined } = {}) {
  const repo = cloneRepo();
  const logged: string[] = [];
  const identity = options.admins
    ? { kind: 'header' as const, header: USER_HEADER, admins: options.admins }
    : undefined;
  const gate = await startGate({
    repo,
    port: 0,
    log: (line) => logged.push(line),
    ...(identity ? { identity } : {}),
    ...(options.siteDir ? { siteDir: options.siteDir } : {}),
  });
  const key = gate.loginUrl ? new URL(gate.loginUrl).hash.slice('#key='.length) : '';
  const self: TestGate = {
    ...gate,
    repo,
    logged,
    state: () =>
      `${git(repo, 'for-each-ref', '--format=%(refname) %(objectname)')}\n${git(repo, 'status', '--porcelain')}`,
    async api(body, { as, headers, raw } = {}) {
      const response = await fetch(`${gate.url}/api/v1`, {
        method: 'POST',
        headers: headers ?? {
          'Content-Type': 'application/json; charset=utf-8',
          Origin: gate.url,
          ...(key ? { 'X-Portal-Key': key } : {}),
          ...(as ? { [USER_HEADER]: as } : {}),
        },
        body: raw ?? JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as { error?: string } };
    },
    async remove() {
      await gate.stop();
      rmSync(dirname(repo), { recursive: true, force: true });
    },
  };
  return self;
}

/**
 * A gate as production runs it (the login header names the person) serving a build of its own clone's
 * content with the CMS on: what the admin's browser tests open.
 */
export async function adminGate(): Promise<TestGate> {
  let outDir = '';
  const gate = await testGate({ admins: [], siteDir: () => outDir });
  const admin = build(join(gate.repo, 'content'), { PORTAL_CMS_BACKEND: 'gate', PORTAL_SITE: gate.url });
  if (admin.status !== 0) {
    await gate.remove();
    throw new Error(`构建投稿页失败：\n${admin.output}`);
  }
  outDir = admin.outDir;
  return gate;
}

const used = new Set<string>();

/**
 * A new entry's path and slug as the admin page names it, saved now by `person`; within one second the name
 * gets `-1`, `-2`, as Decap gives it when the first is taken.
 */
export function newArticlePath(person: string, collection = 'articles') {
  const { slug, year } = fileName(person, Temporal.Now.instant());
  let name = slug;
  for (let n = 1; used.has(`${collection}/${name}`); n++) name = `${slug}-${n}`;
  used.add(`${collection}/${name}`);
  return { slug: `${year}/${name}`, path: `content/${collection}/${year}/${name}.md` };
}

/** A persistEntry request for one file, as Decap's proxy backend sends it. */
export function persist(collection: string, slug: string, path: string, raw: string, newEntry = true) {
  return {
    action: 'persistEntry',
    params: {
      branch: 'main',
      dataFiles: [{ slug, path, raw }],
      assets: [],
      options: {
        collectionName: collection,
        commitMessage: 'x',
        useWorkflow: true,
        status: 'draft',
        newEntry,
      },
    },
  };
}

/**
 * A new article by `person`, saved and marked 待发布 through `call` (whatever client the test speaks with):
 * ready for a reviewer to publish. Returns its path and its draft's key.
 */
export async function readyArticle(
  call: (body: unknown) => Promise<unknown>,
  person: string,
  title: string,
): Promise<{ path: string; key: { collection: string; slug: string } }> {
  const { slug, path } = newArticlePath(person);
  await call(persist('articles', slug, path, articleText({ title, region: 'east', author: person })));
  const key = { collection: 'articles', slug };
  await call({ action: 'updateUnpublishedEntryStatus', params: { ...key, newStatus: 'pending_publish' } });
  return { path, key };
}

/** An article file as the admin page writes it. */
export function articleText(fields: { title: string; region: string; author: string; submitted?: string }) {
  return [
    '---',
    `title: ${fields.title}`,
    `region: ${fields.region}`,
    `author: ${fields.author}`,
    'category: academic',
    `submitted: '${fields.submitted ?? '2026-11-30T09:00:00+08:00'}'`,
    '---',
    '',
    `${fields.title}的正文。`,
    '',
  ].join('\n');
}

/** A work-log file as a hand or a test writes it: the front matter only, rows as given. */
export function worklogText(log: {
  person: string;
  region: string;
  month: string;
  days: readonly Record<string, unknown>[];
}): string {
  return `---\n${toYaml(log)}---\n`;
}

/**
 * The search shards of a real build of the sample content, read from disk as a browser would fetch them:
 * each family's shards.json lists exactly the shard bundles that are there; every page is in exactly one
 * shard, the one its time falls in; staff pages are indexed once (only in staff shards) and nothing under
 * /manage/ is in a staff shard. Expectations come from the source files (content/), never hard-coded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { searchPages, type Page } from '../src/integrations/search-cache.ts';
import { loadContent } from '../src/load/load.ts';
import { shardId, type ShardManifest } from '../src/search/shards.ts';
import { BUILD_NOW } from './support/build.ts';
import { fragmentUrls as bundleUrls } from './support/pagefind-files.ts';
import { truthPages } from './support/search-truth.ts';

const pages = truthPages(loadContent('content').content);
const now = Temporal.Instant.from(BUILD_NOW);

let outDir: string;
let buildOutput: string;
let built: Map<string, Page>;
beforeAll(async () => {
  const sample = inject('sample');
  expect(sample.status, sample.output).toBe(0);
  outDir = sample.outDir;
  buildOutput = sample.output;
  built = new Map((await searchPages(outDir)).map((p) => [p.url, p]));
});

const manifest = (family: string) =>
  JSON.parse(readFileSync(join(outDir, family, 'shards.json'), 'utf8')) as ShardManifest;

const fragmentUrls = (bundle: string) => bundleUrls(join(outDir, bundle));

describe.each([
  { family: 'pagefind', holds: (kind: string) => kind !== 'report' },
  { family: 'manage/pagefind', holds: (kind: string) => kind === 'report' },
])('the $family shards', ({ family, holds }) => {
  it('are listed in shards.json, newest first, exactly as the folders the build wrote', () => {
    const { version, shards } = manifest(family);
    expect(version).toBe(1);
    expect(shards.length).toBeGreaterThan(1);
    expect(shards[0]!.id).toBe('current');
    expect(shards.map((s) => s.path)).toEqual(shards.map((s) => `/${family}/${s.id}/`));
    const folders = readdirSync(join(outDir, family)).filter((n) => n !== 'shards.json');
    expect(folders.sort()).toEqual(shards.map((s) => s.id).sort());
    for (let i = 1; i < shards.length; i++) expect(shards[i]!.to).toBe(shards[i - 1]!.from);
    for (const s of shards) expect(existsSync(join(outDir, family, s.id, 'pagefind.js')), s.id).toBe(true);
  });

  it('hold each of their pages once, in the shard its time falls in, and no other page', () => {
    const seen: string[] = [];
    for (const { id, from, to, pages: count } of manifest(family).shards) {
      const urls = fragmentUrls(`${family}/${id}`);
      expect(urls.length, id).toBe(count);
      for (const url of urls) {
        const time = built.get(url)!.time;
        expect(shardId(time, now), url).toBe(id);
        expect(time >= from && (to === null || time < to), url).toBe(true);
      }
      seen.push(...urls);
    }
    expect(seen.sort()).toEqual(
      pages
        .filter((p) => holds(p.kind))
        .map((p) => p.url)
        .sort(),
    );
  });
});

it('indexes no page under /manage/ for staff, and every staff page once', () => {
  const staff = manifest('pagefind').shards.flatMap((s) => fragmentUrls(`pagefind/${s.id}`));
  const reports = manifest('manage/pagefind').shards.flatMap((s) => fragmentUrls(`manage/pagefind/${s.id}`));
  expect(staff.filter((u) => u.startsWith('/manage/'))).toEqual([]);
  expect(reports.filter((u) => !u.startsWith('/manage/'))).toEqual([]);
  expect(new Set(staff).size).toBe(staff.length);
});

it('says in the build log what it indexed and how long it took', () => {
  const line =
    /搜索索引：员工 (\d+) 页（(\d+) 个分片），工作汇报 (\d+) 页（(\d+) 个分片），用时 [\d.]+ 秒/.exec(
      buildOutput,
    );
  expect(line, 'astro build ran no search integration').not.toBeNull();
  expect(Number(line![1])).toBe(pages.filter((p) => p.kind !== 'report').length);
  expect(Number(line![2])).toBe(manifest('pagefind').shards.length);
  expect(Number(line![3])).toBe(pages.filter((p) => p.kind === 'report').length);
  expect(Number(line![4])).toBe(manifest('manage/pagefind').shards.length);
});

/**
 * The ledger against real git: work trees and bare repositories, the baseline, idempotence, a lost race,
 * and a fresh clone that has the ledger only as origin's branch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEDGER_HEADER } from './tsv.ts';
import { LEDGER_REF, readLedger, updateLedger, writeLedger } from './ledger.ts';
import { readSightings } from './sightings.ts';

const IDENTITY = {
  GIT_AUTHOR_NAME: '测试',
  GIT_AUTHOR_EMAIL: 'test@localhost',
  GIT_COMMITTER_NAME: '测试',
  GIT_COMMITTER_EMAIL: 'test@localhost',
};

function sh(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...IDENTITY },
  }).trim();
}

const ARTICLE = 'content/articles/2026/2026-10-12-wangfang-093000.md';
const MEETING = 'content/meetings/2026/2026-10-15-zhangwei-140000.md';
const REPORT = 'content/reports/2026/weekly-2026-w46-zhangwei.md';

/** Writes files into a work tree and commits them on main. */
function commit(repo: string, files: Record<string, string>, message = '投稿'): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  sh(repo, 'add', '--', ...Object.keys(files));
  sh(repo, 'commit', '-q', '-m', message);
  return sh(repo, 'rev-parse', 'HEAD');
}

/** A work tree on main with an article, a meeting, the roster and a README (the last two not followed). */
function workTree(): string {
  const repo = join(mkdtempSync(join(tmpdir(), 'portal-ledger-')), 'repo');
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  commit(repo, {
    [ARTICLE]: '---\n---\n',
    [MEETING]: '---\n---\n',
    'content/org/people.yaml': '[]\n',
    'content/articles/2026/notes.txt': 'not an entry\n',
    'README.md': '# x\n',
  });
  return repo;
}

const T0 = Temporal.Instant.from('2026-11-20T09:00:00.750+08:00');
const T1 = Temporal.Instant.from('2026-11-24T10:00:00+08:00');

const tip = (repo: string) => sh(repo, 'rev-parse', LEDGER_REF);

describe('updateLedger', () => {
  it('starts with every submission file as baseline, seen at now to the second', () => {
    const repo = workTree();
    const head = sh(repo, 'rev-parse', 'HEAD');
    expect(updateLedger(repo, 'main', T0)).toEqual({ recorded: [ARTICLE, MEETING] });
    expect(sh(repo, 'cat-file', 'blob', 'portal-ledger:ledger.tsv')).toBe(
      [
        LEDGER_HEADER,
        `${ARTICLE}\t2026-11-20T09:00:00+08:00\t${head}\tbaseline`,
        `${MEETING}\t2026-11-20T09:00:00+08:00\t${head}\tbaseline`,
      ].join('\n'),
    );
    // Only the ledger file, dated by the sighting, by the portal's own identity.
    expect(sh(repo, 'ls-tree', '--name-only', 'portal-ledger')).toBe('ledger.tsv');
    expect(sh(repo, 'log', '-1', '--format=%cI %cn', 'portal-ledger')).toBe(
      '2026-11-20T09:00:00+08:00 销售部门户台账',
    );
  });

  it('records only what is new, as seen, and nothing twice', () => {
    const repo = workTree();
    updateLedger(repo, 'main', T0);
    const added = commit(repo, { [REPORT]: '---\n---\n' });
    expect(updateLedger(repo, 'HEAD', T1)).toEqual({ recorded: [REPORT] });
    const before = tip(repo);
    expect(updateLedger(repo, 'HEAD', T1.add({ hours: 1 }))).toEqual({ recorded: [] });
    expect(tip(repo)).toBe(before);

    const ledger = readLedger(join(repo, 'content'))!;
    expect(ledger.get(REPORT)).toEqual({ firstSeen: T1, commit: added, baseline: false });
    expect(ledger.get(ARTICLE)?.baseline).toBe(true);
    expect([...ledger.keys()]).toEqual([ARTICLE, MEETING, REPORT]);
  });

  it('never touches the work tree, the index or the checked-out branch', () => {
    const repo = workTree();
    writeFileSync(join(repo, 'README.md'), '# changed, not committed\n');
    const status = sh(repo, 'status', '--porcelain');
    updateLedger(repo, 'main', T0);
    expect(sh(repo, 'status', '--porcelain')).toBe(status);
    expect(sh(repo, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
  });

  it('works in a bare repository', () => {
    const repo = workTree();
    const bare = join(dirname(repo), 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', repo, bare]);
    expect(updateLedger(bare, 'main', T0).recorded).toEqual([ARTICLE, MEETING]);
    expect(existsSync(join(bare, 'index'))).toBe(false);
    expect(sh(bare, 'cat-file', 'blob', 'portal-ledger:ledger.tsv')).toContain(`${ARTICLE}\t`);
  });

  it('works where git has no identity configured and no config may be written', () => {
    const repo = workTree();
    const home = mkdtempSync(join(tmpdir(), 'portal-home-'));
    vi.stubEnv('HOME', home);
    vi.stubEnv('XDG_CONFIG_HOME', home);
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    for (const name of Object.keys(IDENTITY)) vi.stubEnv(name, undefined);
    const config = sh(repo, 'config', '--local', '--list');
    updateLedger(repo, 'main', T0);
    expect(sh(repo, 'log', '-1', '--format=%an <%ae>', 'portal-ledger')).toBe(
      '销售部门户台账 <ledger@localhost>',
    );
    expect(sh(repo, 'config', '--local', '--list')).toBe(config);
  });

  it('refuses a commit that does not exist, writing nothing', () => {
    const repo = workTree();
    expect(() => updateLedger(repo, 'no-such-branch', T0)).toThrow(/rev-parse/);
    expect(() => updateLedger(repo, '--help', T0)).toThrow();
    expect(() => sh(repo, 'rev-parse', '--verify', '--quiet', LEDGER_REF)).toThrow();
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });
});

describe('writeLedger: compare and swap', () => {
  it('writes nothing when another writer moved the branch since it was read', () => {
    const repo = workTree();
    updateLedger(repo, 'main', T0);
    const read = tip(repo);
    commit(repo, { [REPORT]: '---\n---\n' });
    updateLedger(repo, 'main', T1); // the other writer
    const moved = tip(repo);
    const stale = writeLedger(repo, new Map(), { parent: read, expected: read, message: 'x', now: T1 });
    expect(stale).toBeUndefined();
    expect(tip(repo)).toBe(moved);
    // And one that still thinks there is no ledger at all.
    expect(
      writeLedger(repo, new Map(), { parent: undefined, expected: undefined, message: 'x', now: T1 }),
    ).toBe(undefined);
    expect(tip(repo)).toBe(moved);
  });

  it('builds on what another writer recorded', () => {
    const repo = workTree();
    const bare = join(dirname(repo), 'server.git');
    execFileSync('git', ['clone', '-q', '--bare', repo, bare]);
    updateLedger(bare, 'main', T0); // the gate on the server
    sh(repo, 'fetch', '-q', bare, 'portal-ledger:portal-ledger');
    commit(repo, { [REPORT]: '---\n---\n' });
    expect(updateLedger(repo, 'main', T1).recorded).toEqual([REPORT]);
    expect(sh(repo, 'rev-parse', 'portal-ledger~1')).toBe(sh(bare, 'rev-parse', 'portal-ledger'));
    expect(readLedger(repo)?.get(ARTICLE)).toMatchObject({ firstSeen: T0.round('second'), baseline: true });
  });
});

describe('readLedger', () => {
  it('is undefined outside git, for a missing folder, and where no ledger was started', () => {
    const plain = mkdtempSync(join(tmpdir(), 'portal-plain-'));
    expect(readLedger(plain)).toBeUndefined();
    expect(readLedger(join(plain, 'missing'))).toBeUndefined();
    expect(readLedger(join(workTree(), 'content'))).toBeUndefined();
  });

  it("reads a fresh clone's ledger from origin's branch, and a later update keeps building on it", () => {
    const repo = workTree();
    updateLedger(repo, 'main', T0);
    const clone = join(dirname(repo), 'clone');
    execFileSync('git', ['clone', '-q', repo, clone]);
    expect(() => sh(clone, 'rev-parse', '--verify', '--quiet', LEDGER_REF)).toThrow();
    expect(readLedger(join(clone, 'content', 'articles'))?.get(ARTICLE)?.baseline).toBe(true);

    // CI in a fresh clone: the new report is seen, not swallowed into a new baseline.
    commit(clone, { [REPORT]: '---\n---\n' });
    expect(updateLedger(clone, 'HEAD', T1).recorded).toEqual([REPORT]);
    const ledger = readLedger(clone)!;
    expect(ledger.get(REPORT)?.baseline).toBe(false);
    expect(ledger.get(ARTICLE)?.baseline).toBe(true);
    expect(sh(clone, 'rev-parse', 'portal-ledger~1')).toBe(sh(clone, 'rev-parse', 'origin/portal-ledger'));
  });

  it('stops on a ledger someone edited by hand into something it never writes', () => {
    const repo = workTree();
    updateLedger(repo, 'main', T0);
    const blob = execFileSync('git', ['-C', repo, 'hash-object', '-w', '--stdin'], {
      input: `${LEDGER_HEADER}\n${ARTICLE}\tyesterday\tabc\tseen\n`,
      encoding: 'utf8',
    }).trim();
    const tree = execFileSync('git', ['-C', repo, 'mktree'], {
      input: `100644 blob ${blob}\tledger.tsv\n`,
      encoding: 'utf8',
    }).trim();
    const forged = sh(repo, 'commit-tree', tree, '-m', 'edit');
    sh(repo, 'update-ref', LEDGER_REF, forged);
    expect(() => readLedger(repo)).toThrow(
      '台账 portal-ledger:ledger.tsv 第 2 行的首次出现时间不是带时区的时间',
    );
  });

  it('gives the rules first sightings by collection and id, for the content folder it was asked about', () => {
    const repo = workTree();
    updateLedger(repo, 'main', T0);
    commit(repo, { [REPORT]: '---\n---\n' });
    updateLedger(repo, 'main', T1);
    const sightings = readSightings(join(repo, 'content'))!;
    expect([...sightings.keys()].sort()).toEqual([
      'articles/2026-10-12-wangfang-093000',
      'meetings/2026-10-15-zhangwei-140000',
      'reports/weekly-2026-w46-zhangwei',
    ]);
    expect(sightings.get('reports/weekly-2026-w46-zhangwei')).toEqual({ firstSeen: T1, baseline: false });
    // A folder that is not the ledger's content/ sees none of it.
    expect(readSightings(join(repo, 'content', 'articles'))!.size).toBe(0);
  });
});

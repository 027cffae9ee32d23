/**
 * The gate as production runs it (scripts/gate.ts): its own bare clone, the repository of record as a remote
 * it pushes to. A publish reaches the remote's main, with the ledger, even when someone pushed meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handle } from '../src/gate/api.ts';
import { Store } from '../src/gate/store.ts';
import { userOf } from '../src/gate/rights.ts';
import { git } from './support/cms.ts';
import { readyArticle } from './support/gate.ts';

let dir: string;
let origin: string;
let store: Store;

const HEAD = userOf({ id: 'hejianguo', name: '何建国', role: 'head', joined: '2017-08-01' }, false);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portal-remote-'));
  origin = join(dir, 'origin.git');
  execFileSync('git', ['clone', '--quiet', '--bare', process.cwd(), origin]);
  execFileSync('git', ['clone', '--quiet', '--bare', origin, join(dir, 'gate.git')]);
  store = new Store({
    gitDir: join(dir, 'gate.git'),
    branch: 'main',
    remote: origin,
    committer: { name: '投稿网关', email: 'gate@portal.invalid' },
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const call = (body: unknown) => handle({ store, user: HEAD, now: Temporal.Now.instant() }, body);

describe('the production gate', () => {
  it('publishes onto the remote’s main, on top of a push that came meanwhile, and pushes the ledger', async () => {
    const { path, key } = await readyArticle(call, 'hejianguo', '网关推送的文章');
    // Drafts stay with the gate: the repository of record never sees them.
    expect(git(origin, 'branch', '--list', 'cms/*')).toBe('');
    expect(git(origin, 'branch', '--list', 'portal-ledger')).toContain('portal-ledger');

    // A maintainer pushes a commit of their own to main meanwhile.
    const work = join(dir, 'work');
    execFileSync('git', ['clone', '--quiet', origin, work]);
    git(work, 'config', 'user.name', '维护者');
    git(work, 'config', 'user.email', 'm@x');
    git(work, 'commit', '-q', '--allow-empty', '-m', '维护者的提交');
    git(work, 'push', '-q', 'origin', 'main');
    const theirs = git(origin, 'rev-parse', 'main');

    await call({ action: 'publishUnpublishedEntry', params: key });
    expect(git(origin, 'rev-parse', 'main^')).toBe(theirs);
    expect(git(origin, 'diff', '--name-only', theirs, 'main')).toBe(path);
    expect(git(origin, 'show', `portal-ledger:ledger.tsv`)).toContain(path);
  });

  it('publishes once while other requests keep fetching main', async () => {
    const { path, key } = await readyArticle(call, 'hejianguo', '读取不断时发布');
    const before = git(origin, 'rev-parse', 'main');
    let publishing = true;
    const reads = (async () => {
      while (publishing) await call({ action: 'entriesByFolder', params: { folder: 'content/articles' } });
    })();
    await call({ action: 'publishUnpublishedEntry', params: key }).finally(() => (publishing = false));
    await reads;
    expect(git(origin, 'rev-list', '--count', `${before}..main`)).toBe('1');
    expect(git(origin, 'diff', '--name-only', before, 'main')).toBe(path);
    expect(git(join(dir, 'gate.git'), 'for-each-ref', `refs/heads/cms/articles/${key.slug}`)).toBe('');
  });
});

/**
 * The submission gate against real git, as an attacker with curl and as reps and managers with the CMS would
 * use it: every attack of the gate issue is refused with a Chinese message and changes no ref and no file;
 * the review workflow keeps drafts whole and publishes only their own files; rights hold for reading too.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontMatterOf } from './support/front-matter.ts';
import { articleText, newArticlePath, persist, testGate, type TestGate } from './support/gate.ts';
import { git } from './support/cms.ts';

const REP = 'xuning'; // 徐宁, rep, 华东区
const MANAGER = 'luoxinhua'; // 罗新华, manager of 华东区
const OTHER_MANAGER = 'zhangxin'; // 张鑫, manager of 华南区
const HEAD = 'hejianguo'; // 何建国, 部长

let gate: TestGate;

beforeAll(async () => {
  gate = await testGate({ admins: [] });
});

afterAll(async () => {
  await gate?.remove();
});

const draftBody = (collection: string, slug: string) => ({ collection, slug, branch: 'main' });

async function refused(request: Parameters<TestGate['api']>, status: number, message: RegExp): Promise<void> {
  const before = gate.state();
  const { status: got, json } = await gate.api(...request);
  expect(json.error, JSON.stringify(json)).toMatch(message);
  expect(json.error).toMatch(/\p{Script=Han}/u);
  expect(got).toBe(status);
  expect(gate.state()).toBe(before);
}

describe('requests from outside the portal', () => {
  it('are refused without a login, from another Origin or Host, as a form post, or oversized', async () => {
    const info = { action: 'info' };
    await refused([info], 401, /未登录/);
    await refused([info, { as: 'nobody' }], 403, /不在部门花名册/);
    const url = new URL(gate.url);
    const json = { 'Content-Type': 'application/json', [`Remote-User`]: REP };
    await refused([info, { headers: { ...json, Origin: 'http://127.0.0.1:1' } }], 403, /来源/);
    await refused([info, { headers: { ...json, Origin: `http://localhost.evil:${url.port}` } }], 403, /来源/);
    await refused([info, { headers: json }], 403, /来源/);
    await refused(
      [info, { headers: { Origin: gate.url, 'Content-Type': 'text/plain', 'Remote-User': REP } }],
      415,
      /JSON/,
    );
    const huge = JSON.stringify({ action: 'info', pad: 'x'.repeat(2 * 1024 * 1024) });
    await refused([info, { as: REP, raw: huge }], 413, /请求过大/);
    await refused([{ action: 'runShell' }, { as: REP }], 422, /不支持/);
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 (fetch cannot set Host).
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${gate.url}/api/v1`,
        { method: 'POST', headers: { ...json, Origin: gate.url, Host: `attacker.example:${url.port}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.once('error', reject);
      req.end(JSON.stringify(info));
    });
    expect(rebound).toBe(403);
    expect(gate.logged.filter((l) => l.includes('拒绝')).length).toBeGreaterThanOrEqual(9);
  });
});

describe('writes outside the generated content paths', () => {
  const raw = articleText({ title: '攻击测试文章', region: 'east', author: REP });
  const tricks = [
    '.git/hooks/post-commit',
    'src/pages/x.astro',
    'public/uploads/x.html',
    'README.md',
    'package.json',
    'content/../src/pages/x.md',
    '/etc/passwd',
    'content/articles/2026/%2e%2e/x.md',
    'content/articles/2026/../../../.git/config',
    'content/Articles/2026/2026-11-30-xuning-090000.md',
    'content/articles/2026/2026-11-30-XUNING-090000.md',
    'content\\articles\\2026\\2026-11-30-xuning-090000.md',
    'content/articles/2026/.hidden.md',
    'content/articles/2026/2026-11-30-xuning-090000.md/',
    'content/articles/2026/sub/2026-11-30-xuning-090000.md',
    'content/org/../../src/x.md',
    'content/articles/２０２６/x.md',
  ];
  it.each(tricks)('refuses %s', async (path) => {
    await refused([persist('articles', 'x', path, raw), { as: HEAD }], 403, /不允许读写|生成/);
  });

  it('refuses renames, uploads, publishing without review and deleting records', async () => {
    const { slug, path } = newArticlePath(REP);
    const rename = persist('articles', slug, path, raw);
    (rename.params.dataFiles[0] as { newPath?: string }).newPath = 'src/pages/x.astro';
    await refused([rename, { as: HEAD }], 403, /重命名/);
    const direct = persist('articles', slug, path, raw);
    direct.params.options.useWorkflow = false;
    await refused([direct, { as: HEAD }], 403, /审核/);
    const upload = {
      action: 'persistMedia',
      params: { asset: { path: 'public/uploads/x.html', content: 'PHNjcmlwdD4=', encoding: 'base64' } },
    };
    await refused([upload, { as: HEAD }], 403, /编辑投稿时插入/);
    const withAsset = persist('articles', slug, path, raw);
    withAsset.params.assets = [
      { path: 'public/uploads/x.html', content: 'PHNjcmlwdD4=', encoding: 'base64' },
    ] as never;
    await refused([withAsset, { as: HEAD }], 415, /不是 JPEG、PNG 或 WebP/);
    await refused([{ action: 'deleteFiles', params: { paths: ['README.md'] } }, { as: HEAD }], 403, /删除/);
    await refused([{ action: 'deleteFile', params: { path: 'package.json' } }, { as: HEAD }], 403, /删除/);
  });

  it('lets only administrators change the roster', async () => {
    const people = git(gate.repo, 'show', 'HEAD:content/org/people.yaml');
    const promoted = `${people}\n- id: mallory\n  name: 马洛里\n  role: head\n  joined: '2020-01-01'\n`;
    const request = persist('people', 'people', 'content/org/people.yaml', promoted, false);
    request.params.options.collectionName = 'people';
    await refused([request, { as: REP }], 403, /管理员/);
    await refused([request, { as: MANAGER }], 403, /管理员/);
  });

  it('refuses a new file with a name the portal did not generate, or a backdated one', async () => {
    await refused(
      [persist('articles', '2026/my-own-name', 'content/articles/2026/my-own-name.md', raw), { as: REP }],
      403,
      /系统生成/,
    );
    const old = '2020/2020-01-01-xuning-090000';
    await refused(
      [persist('articles', old, `content/articles/${old}.md`, raw), { as: REP }],
      422,
      /服务器日期不符/,
    );
  });

  it('never reads a symlink in the content tree', async () => {
    symlinkSync('/etc/passwd', join(gate.repo, 'content/articles/2026/link.md'));
    git(gate.repo, 'add', 'content/articles/2026/link.md');
    git(gate.repo, 'commit', '-qm', 'a link');
    const { json } = await gate.api(
      { action: 'getEntry', params: { path: 'content/articles/2026/link.md' } },
      { as: HEAD },
    );
    expect(json).toMatchObject({ data: null });
    const list = await gate.api(
      { action: 'entriesByFolder', params: { folder: 'content/articles', extension: 'md', depth: 2 } },
      { as: HEAD },
    );
    expect(JSON.stringify(list.json)).not.toContain('root:');
  });
});

describe('what the server sets', () => {
  it('ignores a forged submitted time and saver: the server’s clock and the login decide', async () => {
    const { slug, path } = newArticlePath(REP);
    const started = Date.now();
    const forged = articleText({
      title: '倒填时间的投稿',
      region: 'east',
      author: REP,
      submitted: '2020-01-01T09:00:00+08:00',
    }).replace('---\n\n', 'savedBy: hejianguo\n---\n\n');
    const { status, json } = await gate.api(persist('articles', slug, path, forged), { as: REP });
    expect(json).toEqual({ message: 'entry persisted' });
    expect(status).toBe(200);
    const stored = parseFrontMatterOf(git(gate.repo, 'show', `cms/articles/${slug}:${path}`));
    expect(stored.savedBy).toBe(REP);
    const submitted = Date.parse(String(stored.submitted));
    expect(submitted).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(submitted).toBeLessThanOrEqual(Date.now());
    expect(String(stored.submitted)).toMatch(/\+08:00$/);

    // A later save keeps the first time, whatever the form sends.
    const again = forged.replace('倒填时间的投稿', '倒填时间的投稿（修改）');
    await gate.api(persist('articles', slug, path, again, false), { as: REP });
    const kept = parseFrontMatterOf(git(gate.repo, 'show', `cms/articles/${slug}:${path}`));
    expect(kept.title).toBe('倒填时间的投稿（修改）');
    expect(kept.submitted).toBe(stored.submitted);
    // The author of each save is the person; the branch is never checked out.
    expect(git(gate.repo, 'log', '-1', '--format=%an', `cms/articles/${slug}`)).toBe('徐宁');
    expect(git(gate.repo, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
  });

  it('checks the entry with the build’s schema and roster, in Chinese', async () => {
    const { slug, path } = newArticlePath(REP);
    const bad = articleText({ title: '区', region: 'atlantis', author: REP });
    const { status, json } = await gate.api(persist('articles', slug, path, bad), { as: REP });
    expect(status).toBe(422);
    expect(json.error).toContain('title（标题）');
    expect(json.error).toContain('区域 “atlantis” 不存在');
  });

  it('keeps both of two new entries saved in the same second under one name: the second is refused', async () => {
    const { slug, path } = newArticlePath(MANAGER);
    const first = articleText({ title: '同一秒的第一篇', region: 'east', author: MANAGER });
    expect((await gate.api(persist('articles', slug, path, first), { as: MANAGER })).status).toBe(200);
    const second = articleText({ title: '同一秒的第二篇', region: 'east', author: MANAGER });
    await refused([persist('articles', slug, path, second), { as: MANAGER }], 409, /同名投稿已存在/);
    expect(git(gate.repo, 'show', `cms/articles/${slug}:${path}`)).toContain('同一秒的第一篇');
  });
});

describe('rights', () => {
  it('lets a rep write only their own entries, and not mark them ready or publish', async () => {
    const { slug, path } = newArticlePath(REP);
    const forOther = articleText({ title: '替别人投稿', region: 'east', author: 'liuliang' });
    await refused([persist('articles', slug, path.replace(REP, REP), forOther), { as: REP }], 403, /本人/);
    const own = articleText({ title: '徐宁自己的投稿', region: 'east', author: REP });
    expect((await gate.api(persist('articles', slug, path, own), { as: REP })).status).toBe(200);
    const ready = {
      action: 'updateUnpublishedEntryStatus',
      params: { ...draftBody('articles', slug), newStatus: 'pending_publish' },
    };
    await refused([ready, { as: REP }], 403, /销售经理或部长/);
    await refused(
      [{ action: 'publishUnpublishedEntry', params: draftBody('articles', slug) }, { as: REP }],
      403,
      /发布/,
    );
    // Another region's manager does not even see it.
    await refused(
      [{ action: 'unpublishedEntry', params: draftBody('articles', slug) }, { as: OTHER_MANAGER }],
      404,
      /找不到/,
    );
    const theirs = await gate.api({ action: 'unpublishedEntries', params: {} }, { as: OTHER_MANAGER });
    expect(theirs.json).not.toContain(`articles/${slug}`);
    const mine = await gate.api({ action: 'unpublishedEntries', params: {} }, { as: MANAGER });
    expect(mine.json).toContain(`articles/${slug}`);
  });

  it('sends the roster’s phone numbers and chat ids to administrators only', async () => {
    const file = join(gate.repo, 'content/org/people.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        "- id: luoxinhua\n  name: 罗新华\n  role: manager\n  region: east\n  joined: '2021-05-09'\n",
        "- id: luoxinhua\n  name: 罗新华\n  role: manager\n  region: east\n  joined: '2021-05-09'\n  mobile: '13800000001'\n  imUserId: luo.xh\n",
      ),
    );
    git(gate.repo, 'commit', '-qam', 'phone numbers');
    const read = async (as: string) =>
      String(
        (
          (
            await gate.api(
              { action: 'entriesByFiles', params: { files: [{ path: 'content/org/people.yaml' }] } },
              { as },
            )
          ).json as unknown as { data: string }[]
        )[0]!.data,
      );
    const forHead = await read(HEAD);
    expect(forHead).toContain('13800000001');
    expect(forHead).toContain('luo.xh');
    const forRep = await read(REP);
    expect(forRep).toContain('罗新华');
    expect(forRep).not.toContain('13800000001');
    expect(forRep).not.toContain('luo.xh');
  });

  it('never sends another person’s report to a rep, and a manager only their region’s', async () => {
    const list = (as: string) =>
      gate.api(
        { action: 'entriesByFolder', params: { folder: 'content/reports', extension: 'md', depth: 2 } },
        { as },
      );
    const authors = async (as: string) =>
      new Set(
        ((await list(as)).json as unknown as { data: string }[]).map(
          (e) => parseFrontMatterOf(e.data).author,
        ),
      );
    expect([...(await authors(REP))]).toEqual([REP]);
    const regionOf = (id: string) =>
      new RegExp(`- id: ${id}\\n(?:  .*\\n)*?  region: (\\w+)`).exec(roster)?.[1];
    const roster = git(gate.repo, 'show', 'HEAD:content/org/people.yaml');
    const east = await authors(MANAGER);
    expect(east.size).toBeGreaterThan(1);
    for (const a of east) expect(regionOf(String(a)), String(a)).toBe('east');
    const all = await authors(HEAD);
    expect(all.size).toBeGreaterThan(east.size);
    const report = git(gate.repo, 'grep', '-l', 'region: south', 'HEAD', '--', 'content/reports')
      .split('\n')[0]!
      .replace(/^HEAD:/, '');
    // Unreadable looks exactly like missing: the answer does not even tell that the report exists.
    const missing = { data: null, file: { path: 'content/reports/2026/nothing-here.md', id: null } };
    const hidden = await gate.api({ action: 'getEntry', params: { path: report } }, { as: REP });
    expect(hidden.json).toEqual({ ...missing, file: { ...missing.file, path: report } });
    const made = await gate.api({ action: 'getEntry', params: { path: missing.file.path } }, { as: REP });
    expect(made.json).toEqual(missing);
    const listed = await gate.api(
      { action: 'entriesByFiles', params: { files: [{ path: report }] } },
      { as: MANAGER },
    );
    expect(listed.json).toEqual([{ data: null, file: { path: report, id: null } }]);
    const readable = await gate.api({ action: 'getEntry', params: { path: report } }, { as: HEAD });
    expect(readable.json.data).toContain('kind:');
  });
});

describe('what a time certifies, and whose region an entry is', () => {
  const weekly = (period: string, region = 'east', author = REP) =>
    [
      '---',
      'kind: weekly',
      `author: ${author}`,
      `region: ${region}`,
      `period: '${period}'`,
      '---',
      '',
      '周报正文。',
      '',
    ].join('\n');

  it('stamps a report anew when its period changes: an old report cannot be recycled as an on-time new one', async () => {
    const { slug, path } = newArticlePath(REP, 'reports');
    await gate.api(persist('reports', slug, path, weekly('2026-W40')), { as: REP });
    const first = parseFrontMatterOf(git(gate.repo, 'show', `cms/reports/${slug}:${path}`)).submitted;
    await new Promise((r) => setTimeout(r, 1000)); // Times are to the second: the re-stamp must differ.
    await gate.api(persist('reports', slug, path, weekly('2026-W41'), false), { as: REP });
    const second = parseFrontMatterOf(git(gate.repo, 'show', `cms/reports/${slug}:${path}`)).submitted;
    expect(second).not.toBe(first);
    await gate.api(
      persist('reports', slug, path, weekly('2026-W41').replace('周报正文', '改了正文'), false),
      {
        as: REP,
      },
    );
    expect(parseFrontMatterOf(git(gate.repo, 'show', `cms/reports/${slug}:${path}`)).submitted).toBe(second);
  });

  it('keeps an entry in its person’s region: a rep cannot move a report away from their manager', async () => {
    const { slug, path } = newArticlePath(REP, 'reports');
    await refused(
      [persist('reports', slug, path, weekly('2026-W40', 'south')), { as: REP }],
      422,
      /应为徐宁在花名册中的区域 华东区$/,
    );
    // A south rep's report is not the east manager's to write, whatever region it names.
    const other = newArticlePath('qiuzihao', 'reports');
    const forSouth = weekly('2026-W40', 'east', 'qiuzihao');
    await refused(
      [persist('reports', other.slug, other.path, forSouth), { as: MANAGER }],
      403,
      /本人或本区域/,
    );
    await refused(
      [persist('reports', other.slug, other.path, weekly('2026-W40', 'south', 'qiuzihao')), { as: MANAGER }],
      403,
      /本人或本区域/,
    );
  });

  it('sends an approved draft back to review when its author changes it afterwards', async () => {
    const { slug, path } = newArticlePath(REP);
    const text = articleText({ title: '审核通过的文章', region: 'east', author: REP });
    await gate.api(persist('articles', slug, path, text), { as: REP });
    const key = { collection: 'articles', slug };
    await gate.api(
      { action: 'updateUnpublishedEntryStatus', params: { ...key, newStatus: 'pending_publish' } },
      { as: MANAGER },
    );
    await gate.api(
      persist('articles', slug, path, text.replace('审核通过的文章', '审核后偷偷改的文章'), false),
      { as: REP },
    );
    const entry = await gate.api({ action: 'unpublishedEntry', params: key }, { as: MANAGER });
    expect(entry.json.status).toBe('pending_review');
    await refused([{ action: 'publishUnpublishedEntry', params: key }, { as: MANAGER }], 409, /待发布/);
  });

  it('does not tell a rep whether a colleague’s entry of that name exists', async () => {
    const { slug, path } = newArticlePath('liuliang');
    const theirs = articleText({ title: '同事的草稿', region: 'east', author: 'liuliang' });
    await gate.api(persist('articles', slug, path, theirs), { as: MANAGER });
    const mine = articleText({ title: '我的', region: 'east', author: REP });
    const probe = await gate.api(persist('articles', slug, path, mine), { as: REP });
    expect(probe.status).not.toBe(409);
    expect(probe.json.error).not.toContain('已存在');
  });

  it('refuses a front matter of thousands of keys at once, before parsing it', async () => {
    const { slug, path } = newArticlePath(REP);
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i}: 1`).join('\n');
    const started = Date.now();
    await refused([persist('articles', slug, path, `---\n${keys}\n---\n`), { as: REP }], 413, /字段区过长/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers malformed requests with a refusal, never a crash', async () => {
    const deep = JSON.parse(`${'['.repeat(1000)}1${']'.repeat(1000)}`) as unknown;
    await refused([{ action: deep }, { as: REP }], 422, /不支持/);
    await refused([{ action: 'entriesByFiles', params: { files: [null] } }, { as: REP }], 400, /文件列表/);
    await refused(
      [
        { action: 'persistEntry', params: { dataFiles: [null], options: { useWorkflow: true } } },
        { as: REP },
      ],
      400,
      /格式/,
    );
    expect((await gate.api({ action: 'info' }, { as: REP })).status).toBe(200);
  });
});

describe('the review workflow', () => {
  it('keeps an older draft whole while others are published, and publishes only its own file', async () => {
    const a = newArticlePath(REP);
    const textA = articleText({ title: '早先保存的草稿', region: 'east', author: REP });
    expect((await gate.api(persist('articles', a.slug, a.path, textA), { as: REP })).status).toBe(200);

    // Meanwhile the head publishes another article.
    const b = newArticlePath(HEAD);
    const textB = articleText({ title: '部长先发布的文章', region: 'east', author: HEAD });
    expect((await gate.api(persist('articles', b.slug, b.path, textB), { as: HEAD })).status).toBe(200);
    const readyB = {
      action: 'updateUnpublishedEntryStatus',
      params: { ...draftBody('articles', b.slug), newStatus: 'pending_publish' },
    };
    expect((await gate.api(readyB, { as: HEAD })).status).toBe(200);
    await refused(
      [{ action: 'publishUnpublishedEntry', params: draftBody('articles', a.slug) }, { as: MANAGER }],
      409,
      /待发布/,
    );
    expect(
      (
        await gate.api(
          { action: 'publishUnpublishedEntry', params: draftBody('articles', b.slug) },
          { as: HEAD },
        )
      ).status,
    ).toBe(200);
    expect(git(gate.repo, 'show', `HEAD:${b.path}`)).toContain('部长先发布的文章');
    // The working tree follows main: the published file is there, nothing else changed.
    expect(git(gate.repo, 'status', '--porcelain')).toBe('');

    // The older draft still opens with its content and only its own file.
    const entry = await gate.api(
      { action: 'unpublishedEntry', params: draftBody('articles', a.slug) },
      { as: REP },
    );
    expect(entry.json).toMatchObject({ status: 'draft', diffs: [{ path: a.path, newFile: true }] });
    const data = await gate.api(
      {
        action: 'unpublishedEntryDataFile',
        params: { ...draftBody('articles', a.slug), path: a.path, id: a.path },
      },
      { as: REP },
    );
    expect(String(data.json.data)).toContain('早先保存的草稿');
    await refused(
      [
        {
          action: 'unpublishedEntryDataFile',
          params: { ...draftBody('articles', a.slug), path: 'README.md' },
        },
        { as: REP },
      ],
      403,
      /自己的文件/,
    );

    // The rep asks for review, the region's manager approves and publishes.
    const review = {
      action: 'updateUnpublishedEntryStatus',
      params: { ...draftBody('articles', a.slug), newStatus: 'pending_review' },
    };
    expect((await gate.api(review, { as: REP })).status).toBe(200);
    const before = git(gate.repo, 'rev-parse', 'HEAD');
    const ready = { ...review, params: { ...review.params, newStatus: 'pending_publish' } };
    expect((await gate.api(ready, { as: MANAGER })).status).toBe(200);
    expect(
      (
        await gate.api(
          { action: 'publishUnpublishedEntry', params: draftBody('articles', a.slug) },
          { as: MANAGER },
        )
      ).status,
    ).toBe(200);
    expect(git(gate.repo, 'rev-list', '--count', `${before}..HEAD`)).toBe('1');
    expect(git(gate.repo, 'diff', '--name-status', before, 'HEAD')).toBe(`A\t${a.path}`);
    expect(git(gate.repo, 'log', '-1', '--format=%an', 'HEAD')).toBe('罗新华');
    expect(git(gate.repo, 'branch', '--list', `cms/articles/${a.slug}`)).toBe('');
    expect(parseFrontMatterOf(git(gate.repo, 'show', `HEAD:${a.path}`)).title).toBe('早先保存的草稿');
  });
});

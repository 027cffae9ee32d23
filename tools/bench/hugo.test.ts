import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hugoRatio, onPath, referenceLine, writeHugoSite } from './hugo.ts';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hugo-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the Hugo reference', () => {
  it('finds only executables on PATH', () => {
    const a = temp();
    const b = temp();
    writeFileSync(join(a, 'hugo'), 'not executable');
    writeFileSync(join(b, 'hugo'), '#!/bin/sh\n');
    chmodSync(join(b, 'hugo'), 0o755);
    expect(onPath('hugo', `${a}:${b}`)).toBe(join(b, 'hugo'));
    expect(onPath('hugo', a)).toBeUndefined();
    expect(onPath('hugo', '')).toBeUndefined();
  });

  it('copies every Markdown file, and nothing else, into a site with its own layouts', () => {
    const content = temp();
    const site = temp();
    mkdirSync(join(content, 'articles/2026'), { recursive: true });
    writeFileSync(join(content, 'articles/2026/a.md'), '---\ntitle: 甲\n---\n正文\n');
    writeFileSync(join(content, 'b.md'), '---\ntitle: 乙\n---\n');
    writeFileSync(join(content, 'people.yaml'), 'x: 1\n');
    expect(writeHugoSite(content, site)).toBe(2);
    expect(readFileSync(join(site, 'content/articles/2026/a.md'), 'utf8')).toContain('正文');
    expect(readFileSync(join(site, 'layouts/_default/single.html'), 'utf8')).toContain('.Content');
    expect(readFileSync(join(site, 'hugo.toml'), 'utf8')).toContain('baseURL');
  });

  it('gives the ratio of CPU seconds, or a note that Hugo was skipped', () => {
    const hugo = { version: 'v0.111.3', files: 2739, cpuSeconds: 4, ms: 3000, peakBytes: 1 };
    expect(hugoRatio(57, hugo)).toBe(14.25);
    expect(referenceLine(57, hugo)).toBe(
      '参考：首次构建 CPU 57.0 秒（用户 + 系统，整个进程树），是 Hugo（v0.111.3）构建同样 2739 个 Markdown 文件（4.0 秒 CPU）的 14.3 倍',
    );
    expect(hugoRatio(57, { skipped: '没有 hugo' })).toBeNull();
    expect(referenceLine(57, { skipped: '没有 hugo' })).toMatch(/与 Hugo 的对比已跳过：没有 hugo$/);
  });
});

/** Writes a small content tree into a fresh temporary folder, for tests that need real files. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function writeTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'portal-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A valid roster: two regions with their managers, and a rep. */
export const ORG = {
  'org/regions.yaml': `- id: east\n  name: 华东区\n  manager: zhangwei\n- id: south\n  name: 华南区\n  manager: lina\n`,
  'org/people.yaml': [
    '- { id: zhangwei, name: 张伟, role: manager, region: east, joined: "2024-01-01" }',
    '- { id: lina, name: 李娜, role: manager, region: south, joined: "2024-01-01" }',
    '- { id: wangfang, name: 王芳, role: rep, region: east, joined: "2025-03-01", left: "2026-10-15" }',
    '- { id: liuyang, name: 刘洋, role: head, joined: "2020-01-01" }',
    '',
  ].join('\n'),
};

/** A Markdown file with the given front matter lines. */
export function md(frontMatter: string, body = '正文。'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}\n`;
}

export const ARTICLE = md(`
title: 一次成功的科室会
region: east
author: wangfang
category: clinical
submitted: '2026-10-12T09:30:00+08:00'
`);

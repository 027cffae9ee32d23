import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSubmission } from '../markdown/render.ts';
import { fromBlock, TABLE_COMPONENT, TABLE_PATTERN, toBlock, toPreview } from './table-block.ts';

/** Every table block in the repository's articles, as Decap's parser meets it (from its first line on). */
function contentTables(): string[] {
  const found: string[] = [];
  const dir = 'content/articles';
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.md')) continue;
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.includes('|') && /^\|?[ :|-]+$/.test(lines[i + 1] ?? '') && !lines[i - 1]?.includes('|'))
        found.push(lines.slice(i).join('\n'));
    });
  }
  return found;
}

function match(block: string): RegExpExecArray {
  const m = TABLE_PATTERN.exec(block);
  if (!m) throw new Error(`no table in ${block}`);
  return m;
}

describe('the 表格 editor component', () => {
  it('gives back every table in the articles byte for byte', () => {
    const tables = contentTables();
    expect(tables.length).toBeGreaterThan(10);
    for (const rest of tables) {
      const m = match(rest);
      // The whole table and nothing after it: the block ends at the first line without a pipe.
      expect(rest.slice(m[0].length)).toMatch(/^(\n\n|\n?$)/);
      expect(toBlock(fromBlock(m))).toBe(m[0]);
    }
  });

  it('shows a table as lines of cells, keeping escaped pipes and alignment', () => {
    const block = '| 医院 | 次数 |\n|:---|---:|\n| 苏州 \\| 无锡 | 6 |\n| 宁波 | 4 |';
    const data = fromBlock(match(`${block}\n\n下一段。`));
    expect(data).toEqual({ rows: '医院 | 次数\n苏州 \\| 无锡 | 6\n宁波 | 4', align: '|:---|---:|' });
    expect(toBlock(data)).toBe(block);
    // A column added in the form gets the default alignment; a row with fewer cells is filled.
    expect(toBlock({ ...data, rows: `${data.rows} | 新列\n温州` })).toBe(
      '| 医院 | 次数 |  |\n|:---|---:|---|\n| 苏州 \\| 无锡 | 6 |  |\n| 宁波 | 4 | 新列 |\n| 温州 |  |  |',
    );
  });

  it('reads GFM tables without outer pipes and with spaced delimiters', () => {
    const m = match('医院 | 次数\n:-- | :-:\n苏州 | 6');
    expect(fromBlock(m).rows).toBe('医院 | 次数\n苏州 | 6');
    expect(toBlock(fromBlock(m))).toBe('| 医院 | 次数 |\n|:---|:---:|\n| 苏州 | 6 |');
  });

  it('does not take other blocks for tables', () => {
    for (const text of [
      '甲 | 乙 是一句话。\n下一行也是。',
      '甲 | 乙\n---', // a setext heading
      '- 甲 | 乙',
      '正文\n\n| 甲 | 乙 |\n|---|---|', // the table starts a later block
    ])
      expect(TABLE_PATTERN.exec(text)).toBeNull();
  });

  it('takes rows pasted from a spreadsheet (tabs), escaping pipes in them', () => {
    expect(toBlock({ rows: '地区\t金额\n华东|苏南\t12.5\n\n', align: '' })).toBe(
      '| 地区 | 金额 |\n|---|---|\n| 华东\\|苏南 | 12.5 |',
    );
  });

  it('writes nothing for an empty form, and a header-only table for the new form', () => {
    expect(toBlock({ rows: ' \n', align: '' })).toBe('');
    const defaults = Object.fromEntries(TABLE_COMPONENT.fields.map((f) => [f.name, f.default]));
    expect(toBlock(defaults)).toBe('| 项目 | 数量 | 备注 |\n|---|---|---|');
  });

  it('is rendered as a table by the site, pipes and Markdown in cells included', () => {
    const html = renderSubmission(
      toBlock({ rows: '医院 | 反馈\n苏州 | **同意** A\\|B', align: '|---|---|' }),
    );
    expect(html).toContain('<table>');
    expect(html).toMatch(/<th>医院<\/th>\s*<th>反馈<\/th>/);
    expect(html).toContain('<td><strong>同意</strong> A|B</td>');
  });

  it('previews cells as text', () => {
    expect(toPreview({ rows: '甲 | <b>乙</b>\n1 | A\\|B' })).toBe(
      '<table><thead><tr><th>甲</th><th>&lt;b&gt;乙&lt;/b&gt;</th></tr></thead><tbody><tr><td>1</td><td>A|B</td></tr></tbody></table>',
    );
    expect(toPreview({})).toBe('');
  });
});

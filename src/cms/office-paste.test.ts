import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSubmission } from '../markdown/render.ts';
import { clipboardHtmlToMarkdown, isOfficeHtml } from './office-paste.ts';
import { fromBlock, TABLE_PATTERN, toBlock } from './table-block.ts';

const fixture = (name: string) => readFileSync(`src/cms/__fixtures__/${name}`, 'utf8');

describe('clipboard HTML from Word and WPS as Markdown', () => {
  it('keeps Word’s headings, bold, italic, links, nested and numbered lists and tables', () => {
    expect(clipboardHtmlToMarkdown(fixture('word-365.html'))).toBe(
      [
        '# 华东区十一月学术推广小结',
        '',
        '本月共拜访12家医院，**重点突破三家三甲医院**，其余按计划推进。*数据截至11月28日*。详见[区域页面](https://portal.example.com/articles/2026/east)。',
        '',
        '## 下月重点',
        '',
        '* 跟进苏州市第一医院药事会',
        '  * 准备科室会资料',
        '* **完成Q4回款**，',
        '',
        '1. 周一提交周报',
        '2. 周五前回访客户',
        '',
        '| 医院 | 拜访次数 | 反馈 |',
        '|---|---|---|',
        '| 苏州市第一医院 | 6 | 同意安排科室会 |',
        '| 宁波市第二医院 | 4 | 要求补充文献A\\|B |',
        '',
        '现场照片另行上传。',
      ].join('\n'),
    );
  });

  it('keeps WPS 文字’s heading, styled bold and italic, Wingdings bullets and table', () => {
    expect(clipboardHtmlToMarkdown(fixture('wps-writer.html'))).toBe(
      [
        '## 客户回访记录',
        '',
        '本周回访**四家**客户，*均已记录*。',
        '',
        '* 杭州市中医院：满意',
        '* 温州市人民医院：要求补充资料',
        '',
        '| 客户 | 结果 |',
        '|---|---|',
        '| 杭州市中医院 | 满意 下月再访 |',
      ].join('\n'),
    );
  });

  it('takes a range copied from Excel as a table, figures right-aligned as Excel shows them', () => {
    expect(clipboardHtmlToMarkdown(fixture('excel-range.html'))).toBe(
      '| 地区 | 金额（万元） | 完成率 |\n|---|---:|---:|\n| 华东 | 396.6 | 105% |\n| 华南 | 74.3 | 76% |',
    );
  });

  it('leaves nothing of Office’s markup: styles, comments, o:p, pictures on the author’s disk', () => {
    for (const name of ['word-365.html', 'wps-writer.html']) {
      const markdown = clipboardHtmlToMarkdown(fixture(name));
      expect(markdown).not.toMatch(/mso-|<|>|file:|Wingdings|Symbol|font|·|\u00a0|&nbsp;|StartFragment/);
    }
  });

  it('writes tables in the 表格 component’s form, so a pasted table opens as one', () => {
    const markdown = clipboardHtmlToMarkdown(fixture('word-365.html'));
    const table = markdown.slice(markdown.indexOf('| 医院'));
    const m = TABLE_PATTERN.exec(table)!;
    expect(toBlock(fromBlock(m))).toBe(m[0]);
  });

  it('is what the site renders as heading, bold, lists and a table', () => {
    const html = renderSubmission(clipboardHtmlToMarkdown(fixture('word-365.html')));
    expect(html).toContain('<h2>华东区十一月学术推广小结</h2>');
    expect(html).toContain('<strong>重点突破三家三甲医院</strong>');
    expect(html).toMatch(/<ul>\s*<li>跟进苏州市第一医院药事会\s*<ul>\s*<li>准备科室会资料<\/li>/);
    expect(html).toMatch(/<ol>\s*<li>周一提交周报<\/li>/);
    expect(html).toMatch(/<table>[\s\S]*<th>医院<\/th>[\s\S]*<td>要求补充文献A\|B<\/td>/);
  });

  it('drops scripts, frames, handlers and unsafe links from any HTML', () => {
    const markdown = clipboardHtmlToMarkdown(
      '<p onclick="steal()">甲<script>alert(1)</script><iframe src="https://evil.example/"></iframe>' +
        '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">乙</a>' +
        '<a href="https://example.com/" onmouseover="x()">丙</a><style>p{color:red}</style></p>' +
        '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><form><input value="丁"></form>',
    );
    expect(markdown).toBe('甲乙[丙](https://example.com/)');
  });

  it('reads Google Docs’ <b style="font-weight:normal"> wrapper as plain and bold spans as bold', () => {
    expect(
      clipboardHtmlToMarkdown(
        '<b style="font-weight:normal;" id="docs-internal-guid-1"><p><span style="font-weight:700">重点</span>其余</p></b>',
      ),
    ).toBe('**重点**其余');
  });

  it('numbers Chinese-numbered Word lists and keeps separate lists apart', () => {
    const item = (list: string, mark: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:${list} level1 lfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>${mark}</span></span><![endif]>${text}</p>`;
    expect(
      clipboardHtmlToMarkdown(
        item('l0', '一、', '甲') + item('l0', '二、', '乙') + '<p>中间</p>' + item('l1', '§', '丙'),
      ),
    ).toBe('1. 甲\n2. 乙\n\n中间\n\n* 丙');
  });

  it('gives nothing for a clipboard without text', () => {
    expect(clipboardHtmlToMarkdown('<p><o:p>&nbsp;</o:p></p><img src="file:///C:/a.png">')).toBe('');
  });

  it('tells Office clipboards from others', () => {
    expect(isOfficeHtml(fixture('word-365.html'))).toBe(true);
    expect(isOfficeHtml(fixture('wps-writer.html'))).toBe(true);
    expect(
      isOfficeHtml('<meta charset="utf-8"><div><span style="color: #d4d4d4;">## 标题</span></div>'),
    ).toBe(false);
  });
});

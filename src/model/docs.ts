/** The content model as a Markdown page (docs/content-model.md), generated so it never drifts from the code. */
import { COLLECTIONS } from './collections/index.ts';
import type { Collection, Field } from './field.ts';
import {
  BODY_MAX_CHARS,
  ORG_FILE_MAX_BYTES,
  SUBMISSION_FILE_MAX_BYTES,
  TITLE_MAX_CHARS,
  formatBytes,
} from './limits.ts';
import { ID_PATTERN, SLUG_PATTERN } from './options.ts';
import { BODY_MARKER_EXAMPLE, CHARACTER_GROUPS, type TextKind } from './text.ts';
import { PERIOD_FORMATS } from './time.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(field: Field): string {
  switch (field.type) {
    case 'text':
      return field.multiline ? '多行文本' : '文本';
    case 'id':
      return '编号';
    case 'select':
      return '单选';
    case 'ref':
      return field.collection === 'regions' ? '区域编号' : '人员编号';
    case 'datetime':
      return '带时区的时间';
    case 'date':
      return '日期';
    case 'period':
      return '周期';
    case 'integer':
      return '整数';
    case 'list':
      return '文本列表';
    case 'figures':
      return '销售数据';
    case 'objects':
      return '列表';
  }
}

function constraints(field: Field): string {
  const parts: string[] = [];
  switch (field.type) {
    case 'text':
      if (field.min !== undefined) parts.push(`至少 ${field.min} 字`);
      if (field.max !== undefined) parts.push(`至多 ${field.max} 字`);
      if (field.pattern) parts.push(`\`${field.pattern.regex}\`：${field.pattern.message}`);
      break;
    case 'id':
      parts.push(`\`${ID_PATTERN.regex}\``);
      break;
    case 'select':
      parts.push(field.options.map((o) => `\`${o.value}\` ${o.label}`).join(' · '));
      break;
    case 'ref':
      parts.push(`content/org/${field.collection}.yaml 中的 id`);
      if (field.activeDuring) parts.push(`\`${field.activeDuring}\` 中至少有一天在职`);
      break;
    case 'datetime':
      parts.push('如 `2026-10-12T09:30:00+08:00`，必须带时区');
      if (field.notBeforeDay) parts.push(`不早于 \`${field.notBeforeDay}\` 当天 0 点`);
      break;
    case 'date':
      parts.push('如 `2026-10-12`（北京时间）');
      if (field.notBefore) parts.push(`不早于 \`${field.notBefore}\``);
      break;
    case 'period':
      parts.push(
        'format' in field
          ? `${PERIOD_FORMATS[field.format].label} \`${PERIOD_FORMATS[field.format].example}\``
          : Object.entries(field.formats)
              .map(([k, f]) => `${k}：${PERIOD_FORMATS[f].label} \`${PERIOD_FORMATS[f].example}\``)
              .join(' · '),
      );
      break;
    case 'integer':
      parts.push(`${field.min}–${field.max}`);
      if (field.countOf) parts.push(`须等于 \`${field.countOf}\` 的条数`);
      break;
    case 'list':
      if (field.min !== undefined) parts.push(`至少 ${field.min} 项`);
      if (field.max !== undefined) parts.push(`至多 ${field.max} 项`);
      parts.push(`每项至多 ${field.itemMax} 字`);
      break;
    case 'figures':
      parts.push(
        `键：${field.keys.map((k) => `\`${k.value}\` ${k.label}`).join(' · ')}；每项 \`{ target, actual }\`，不小于 0`,
      );
      parts.push(
        `${field.requiredWhen.field} 为 ${field.requiredWhen.values.join('/')} 时必须有 ${field.requiredWhen.keys.join('、')}`,
      );
      break;
    case 'objects':
      parts.push('每项的字段见下表');
      if (field.key) parts.push(`每个 \`${field.key}\` 只能有一项`);
      if (field.keyWithin) parts.push(`\`${field.key ?? ''}\` 须在 \`${field.keyWithin}\` 之内`);
      break;
  }
  return parts.join('；');
}

function required(field: Field): string {
  if (!field.optional) return '必填';
  if (field.requiredWhen)
    return `${field.requiredWhen.field} 为 ${field.requiredWhen.values.join('/')} 时必填`;
  return '可选';
}

function table(fields: readonly Field[]): string[] {
  const rows = fields.map(
    (f) =>
      `| \`${f.name}\` | ${f.label} | ${typeOf(f)} | ${required(f)} | ${cell(constraints(f))} | ${cell(f.hint ?? '')} |`,
  );
  const nested = fields.flatMap((f) =>
    f.type === 'objects' ? ['', `\`${f.name}\` 每项：`, '', ...table(f.fields)] : [],
  );
  return [
    '| 字段 | 名称 | 类型 | 必填 | 取值 | 说明 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...nested,
  ];
}

function where(c: Collection): string {
  switch (c.storage.kind) {
    case 'yaml-list':
      return `\`content/${c.storage.file}\`：YAML 列表，每项一条记录。`;
    case 'yaml-object':
      return `\`content/${c.storage.file}\`：YAML 对象${c.storage.optional ? '（文件可以没有）' : ''}。`;
    case 'markdown':
      return `\`content/${c.storage.folder}/**/*.md\`：每个文件一条，YAML front matter 写字段，正文（${c.storage.body.label}）为 Markdown。文件名即编号，须匹配 \`${SLUG_PATTERN.source}\`。`;
  }
}

/** What each kind of text may hold, from the table in text.ts. */
function characters(): string[] {
  const kinds: [TextKind, string][] = [
    ['line', '单行文本'],
    ['multiline', '多行文本'],
    ['body', '正文'],
  ];
  const verdict = (g: (typeof CHARACTER_GROUPS)[number], kind: TextKind) =>
    g.refusedIn.includes(kind) ? '拒绝' : kind === 'body' && g.markedInBody ? '显示为标记' : '允许';
  return [
    '## 字符与大小',
    '',
    '单行文本：类型为文本、编号、区域或人员编号、时间、日期、周期的字段，以及文本列表的每一项。多行文本：类型为多行文本的字段。正文：投稿 front matter 之后的 Markdown。',
    '',
    `| 字符 | 码位 | ${kinds.map(([, label]) => label).join(' | ')} | 原因 |`,
    `| --- | --- | ${kinds.map(() => '---').join(' | ')} | --- |`,
    ...CHARACTER_GROUPS.map(
      (g) => `| ${g.label} | ${g.shown} | ${kinds.map(([k]) => verdict(g, k)).join(' | ')} | ${g.why} |`,
    ),
    '',
    `正文中的文字方向控制符和零宽字符不会拒绝（从其他文档粘贴时常带上它们），但在页面、RSS 和搜索中显示为可见的标记（如 \`${BODY_MARKER_EXAMPLE}\`），不会悄悄改变文字的显示顺序；连接表情符号的零宽连接符（如 👨‍👩‍👧）照常保留。正文中用 HTML 字符引用（如 \`&#27;\`）写出的控制字符同样显示为标记。`,
    '',
    `- 投稿文件（front matter 加正文）最大 ${formatBytes(SUBMISSION_FILE_MAX_BYTES)}，org/ 下的文件最大 ${formatBytes(ORG_FILE_MAX_BYTES)}：超过的文件不会被读取和解析。`,
    `- 正文最多 ${BODY_MAX_CHARS.toLocaleString('en-US')} 字（约为一篇长文的 15 倍）；标题最多 ${TITLE_MAX_CHARS} 字，其他字段的上限见各表。`,
    '- 内容目录中只接受普通文件：符号链接（指向文件或目录）、命名管道、设备文件等一律拒绝，不会被跟随。',
  ];
}

export function contentModelMarkdown(): string {
  const lines = [
    '# 内容格式（content model）',
    '',
    '<!-- 由 src/model/docs.ts 生成：npm run docs。请勿手工修改。 -->',
    '',
    '所有时间均为北京时间（Asia/Shanghai）。带时区的时间必须写出时区（`+08:00`）；不存在的日期、周（如 `2024-02-30`、`2026-W54`）均为错误。',
    '提交的 Markdown 只作为数据展示：原始 HTML 会被清洗，脚本、事件属性、内嵌网页等一律去除。',
    '',
    ...characters(),
  ];
  for (const c of COLLECTIONS) {
    const unique =
      'uniqueBy' in c && c.uniqueBy
        ? [`${c.uniqueBy.map((k) => `\`${k}\``).join('、')} 相同的只能有一个文件。`, '']
        : [];
    lines.push(
      '',
      `## ${c.label}（${c.name}）`,
      '',
      c.description,
      '',
      where(c),
      '',
      ...unique,
      ...table(c.fields),
    );
  }
  return `${lines.join('\n')}\n`;
}

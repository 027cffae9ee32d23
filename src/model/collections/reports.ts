/** 工作汇报 (R1–R5, R9): one report of a person for one period. */
import type { Collection } from '../field.ts';
import { SAVED_BY } from './system.ts';
import { FIGURE_KEYS, REPORT_KINDS } from '../options.ts';

export const reports = {
  name: 'reports',
  label: '工作汇报',
  description: '一份日报、周报、月报、季报或季度销售达成表（规则 R1–R5、R9）。',
  storage: {
    kind: 'markdown',
    folder: 'reports',
    body: { label: '补充说明', hint: '表格、分析等其他内容。' },
  },
  fields: [
    { name: 'kind', type: 'select', label: '汇报类型', options: REPORT_KINDS },
    { name: 'author', type: 'ref', collection: 'people', label: '汇报人' },
    { name: 'region', type: 'ref', collection: 'regions', label: '所属区域' },
    {
      name: 'period',
      type: 'period',
      label: '汇报周期',
      hint: '日报 2026-10-12，周报 2026-W42，月报 2026-10，季报与达成表 2026-Q4。',
      by: 'kind',
      formats: {
        daily: 'date',
        weekly: 'week',
        monthly: 'month',
        quarterly: 'quarter',
        achievement: 'quarter',
      },
    },
    {
      name: 'submitted',
      type: 'datetime',
      label: '提交时间',
      hint: '由系统在创建时自动填写，不可修改（规则 R16）。',
      system: 'created',
    },
    SAVED_BY,
    {
      name: 'progress',
      type: 'text',
      label: '完成情况',
      hint: '对照计划与 KPI 的进展。',
      max: 5000,
      multiline: true,
      optional: true,
    },
    {
      name: 'highlights',
      type: 'list',
      label: '亮点',
      hint: '做得好的方面，最多 3 条。',
      max: 3,
      itemMax: 500,
      optional: true,
    },
    {
      name: 'problems',
      type: 'list',
      label: '问题与改进',
      hint: '1–3 条，写明原因与改进措施。',
      min: 1,
      max: 3,
      itemMax: 500,
      optional: true,
    },
    {
      name: 'support',
      type: 'text',
      label: '需要的支持',
      max: 2000,
      multiline: true,
      optional: true,
    },
    {
      name: 'plan',
      type: 'text',
      label: '下期计划',
      max: 5000,
      multiline: true,
      optional: true,
    },
    {
      name: 'figures',
      type: 'figures',
      label: '销售数据',
      hint: '各项的目标与实际（数字，不小于 0）。',
      keys: FIGURE_KEYS,
      requiredWhen: {
        field: 'kind',
        values: ['achievement'],
        keys: ['collections', 'coverage', 'development', 'sales'],
      },
      optional: true,
    },
  ],
} as const satisfies Collection;

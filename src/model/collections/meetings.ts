/** 会议纪要 (R7, R10–R12): one meeting and its memo. */
import type { Collection } from '../field.ts';
import { TITLE_MAX_CHARS } from '../limits.ts';
import { SAVED_BY } from './system.ts';
import { COMMUNICATION_MEETING_KINDS, MEETING_KINDS } from '../options.ts';

export const meetings = {
  name: 'meetings',
  label: '会议纪要',
  description: '一次会议及其会后备忘（规则 R7：市场区域会议、办事处会议每区域每月至少一次）。',
  storage: {
    kind: 'markdown',
    folder: 'meetings',
    body: { label: '会议纪要', hint: '议题、决议、待办事项（负责人与期限）。' },
  },
  fields: [
    { name: 'title', type: 'text', label: '会议名称', min: 2, max: TITLE_MAX_CHARS },
    {
      name: 'kind',
      type: 'select',
      label: '会议类型',
      options: MEETING_KINDS,
      hint: '市场区域会议和办事处会议计入销售沟通会。',
    },
    {
      name: 'region',
      type: 'ref',
      collection: 'regions',
      label: '所属区域',
      hint: '部门全体会议可不填。',
      optional: true,
      requiredWhen: { field: 'kind', values: COMMUNICATION_MEETING_KINDS },
    },
    {
      name: 'organizer',
      type: 'ref',
      collection: 'people',
      label: '组织者',
      hint: '早会填主持人。',
    },
    { name: 'start', type: 'datetime', label: '开始时间' },
    {
      name: 'applied',
      type: 'datetime',
      label: '会前申请时间',
      hint: '由系统填写：会议第一次保存（申请）的时间。销售沟通会须在会前申请（规则 R7）。',
      optional: true,
      system: 'created',
    },
    {
      name: 'leaders',
      type: 'list',
      label: '邀请领导',
      hint: '每行一位，如 王总（营销副总）。',
      max: 20,
      itemMax: 40,
      optional: true,
    },
    {
      name: 'attendees',
      type: 'list',
      label: '参会人员',
      max: 200,
      itemMax: 40,
      optional: true,
    },
    {
      name: 'filed',
      type: 'datetime',
      label: '备忘备案时间',
      hint: '由系统填写：第一次保存会议纪要正文（会后备忘备案）的时间。',
      optional: true,
      system: 'memo',
    },
    {
      name: 'calls',
      type: 'integer',
      label: '电话量',
      hint: '夕会记录当天电话量（规则 R11）。',
      min: 0,
      max: 100000,
      optional: true,
    },
    {
      name: 'intents',
      type: 'integer',
      label: '意向客户数',
      hint: '夕会记录当天意向客户数。',
      min: 0,
      max: 100000,
      optional: true,
    },
    SAVED_BY,
  ],
} as const satisfies Collection;

/** 工作日志 (R13–R16): one person's daily plans and records for one month. */
import type { Collection } from '../field.ts';
import { ACTIVITY_LIMITS } from '../limits.ts';
import { SAVED_BY } from './system.ts';

/** A count of one day's work: never negative, never above the policy's limit for a day (R16). */
const count = (name: keyof typeof ACTIVITY_LIMITS, label: string, hint: string) =>
  ({
    name,
    type: 'integer',
    label,
    hint,
    min: 0,
    max: ACTIVITY_LIMITS[name],
    optional: true,
  }) as const;

export const worklogs = {
  name: 'worklogs',
  label: '工作日志',
  description:
    '一人一月一个文件：每天的计划、修订计划、实际工作、拜访与电话等数量和次日完成情况（规则 R13–R16），标题为《日工作计划与日志YYMM-姓名》。',
  storage: {
    kind: 'markdown',
    folder: 'worklogs',
    body: { label: '备注', hint: '可选：本月的其他说明。' },
  },
  uniqueBy: ['person', 'month'],
  fields: [
    {
      name: 'person',
      type: 'ref',
      collection: 'people',
      label: '姓名',
      hint: '写日志的人。',
      activeDuring: 'month',
    },
    {
      name: 'region',
      type: 'ref',
      collection: 'regions',
      label: '所属区域',
      hint: '写日志的人所在的区域。',
    },
    {
      name: 'month',
      type: 'period',
      label: '月份',
      hint: '如 2026-11；每人每月一个日志文件。',
      format: 'month',
    },
    SAVED_BY,
    {
      name: 'days',
      type: 'objects',
      label: '每日记录',
      hint: '每天一行，最新的一天在最上面。',
      optional: true,
      key: 'date',
      keyWithin: 'month',
      lateFields: ['completion'],
      fields: [
        { name: 'date', type: 'date', label: '日期' },
        {
          name: 'plan',
          type: 'text',
          label: '计划',
          hint: '晨会前初拟的当天计划。',
          max: 2000,
          multiline: true,
          optional: true,
        },
        {
          name: 'revised',
          type: 'text',
          label: '修订计划',
          hint: '晨会沟通后修订的计划栏。',
          max: 2000,
          multiline: true,
          optional: true,
        },
        {
          name: 'done',
          type: 'list',
          label: '实际工作',
          hint: '每行一个时间段及内容，如 09:00-11:30 拜访市一医院心内科。',
          max: 30,
          itemMax: 200,
          optional: true,
        },
        {
          ...count('visits', '有效拜访数', '当天拜访的有效客户数，须与拜访明细的条数一致。'),
          countOf: 'visitList',
        },
        {
          name: 'visitList',
          type: 'objects',
          label: '拜访明细',
          hint: '每个有效客户一条。',
          optional: true,
          fields: [
            { name: 'customer', type: 'text', label: '客户/医院', min: 2, max: 60 },
            { name: 'contact', type: 'text', label: '拜访对象', max: 40, optional: true },
            { name: 'purpose', type: 'text', label: '目的', max: 200, optional: true },
            { name: 'result', type: 'text', label: '结果', max: 500, multiline: true, optional: true },
          ],
        },
        count('calls', '电话量', '当天拨打的电话数。'),
        count('intents', '意向客户数', '当天的意向客户数。'),
        count('leads', '新客户线索', '当天搜索并记录的新客户数。'),
        count('posts', '发帖数', '论坛、微信群、QQ 群发帖和朋友圈转发数。'),
        {
          name: 'completion',
          type: 'text',
          label: '完成情况',
          hint: '第二天晨会前填写：对照计划和临时新增工作的完成情况。',
          max: 2000,
          multiline: true,
          optional: true,
        },
        {
          name: 'filed',
          type: 'datetime',
          label: '填写时间',
          hint: '由系统填写：这一行第一次保存的时间（规则 R16）。',
          optional: true,
          system: 'created',
          notBeforeDay: 'date',
        },
        {
          name: 'updated',
          type: 'datetime',
          label: '最后修改时间',
          hint: '由系统填写：这一行（完成情况除外）最后一次修改的时间。',
          optional: true,
          system: 'changed',
        },
      ],
    },
  ],
} as const satisfies Collection;

/** Reference data kept by administrators: regions, the roster and meeting-date overrides. */
import type { Collection } from '../field.ts';
import { CALENDAR_MEETING_KINDS, ROLES, TEAMS } from '../options.ts';

export const regions = {
  name: 'regions',
  label: '区域',
  description: '销售区域及其销售经理。',
  storage: { kind: 'yaml-list', file: 'org/regions.yaml' },
  fields: [
    {
      name: 'id',
      type: 'id',
      label: '区域编号',
      hint: '英文或拼音，如 east。',
    },
    {
      name: 'name',
      type: 'text',
      label: '区域名称',
      hint: '中文名称，如 华东区。',
      min: 2,
      max: 20,
    },
    {
      name: 'manager',
      type: 'ref',
      collection: 'people',
      label: '销售经理',
      hint: '负责该区域的销售经理。',
    },
  ],
} as const satisfies Collection;

export const people = {
  name: 'people',
  label: '人员',
  description: '部门花名册：姓名、角色、所属区域、入职与离职日期。',
  storage: { kind: 'yaml-list', file: 'org/people.yaml' },
  fields: [
    {
      name: 'id',
      type: 'id',
      label: '人员编号',
      hint: '姓名拼音，如 zhangwei；重名时加数字，如 zhangwei2。',
    },
    { name: 'name', type: 'text', label: '姓名', min: 2, max: 20 },
    { name: 'role', type: 'select', label: '角色', options: ROLES },
    {
      name: 'region',
      type: 'ref',
      collection: 'regions',
      label: '所属区域',
      hint: '部长可不填，其他角色必填。',
      optional: true,
      requiredWhen: {
        field: 'role',
        values: ['manager', 'supervisor', 'rep', 'office'],
      },
    },
    {
      name: 'team',
      type: 'select',
      label: '工作方式',
      hint: '外勤推广按拜访量考核，电话销售按电话量、意向客户、线索和发帖考核；不填则按角色。',
      options: TEAMS,
      optional: true,
    },
    {
      name: 'joined',
      type: 'date',
      label: '入职日期',
      hint: '格式 2026-10-12。',
    },
    {
      name: 'left',
      type: 'date',
      label: '离职日期',
      hint: '在职则不填；离职当天仍算在职。',
      optional: true,
      notBefore: 'joined',
    },
    {
      name: 'login',
      type: 'text',
      label: '登录名',
      hint: '单位统一登录的用户名，投稿网关据此认出本人；不填则以人员编号登录。',
      pattern: { regex: '^[A-Za-z0-9._@-]+$', message: '应为英文字母、数字或 . _ @ -' },
      max: 64,
      optional: true,
    },
    {
      name: 'mobile',
      type: 'text',
      label: '手机号',
      hint: '催交消息中 @ 本人用（钉钉）；只有管理员能看到。',
      pattern: { regex: '^1\\d{10}$', message: '应为 11 位手机号' },
      optional: true,
      private: true,
    },
    {
      name: 'imUserId',
      type: 'text',
      label: '群聊用户 ID',
      hint: '企业微信的 userid，或飞书的 user_id / open_id：催交消息中 @ 本人用；只有管理员能看到。',
      pattern: { regex: '^[A-Za-z0-9._@-]+$', message: '应为英文字母、数字或 . _ @ -' },
      max: 64,
      optional: true,
      private: true,
    },
  ],
} as const satisfies Collection;

export const calendar = {
  name: 'calendar',
  label: '部门日历',
  description:
    '月例会、季度例会的改期（规则 R8：若有调整，另行通知），法定节假日和调休上班日（工作量定额按工作日计算）。',
  storage: { kind: 'yaml-object', file: 'org/calendar.yaml', optional: true },
  fields: [
    {
      name: 'meetings',
      type: 'objects',
      label: '例会改期',
      // No overrides is the usual case: the file may be absent, empty or list none.
      optional: true,
      hint: '默认：月例会为每月最后一个周五 13:30，季度例会为季度最后一个月的最后一个周五。',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: '例会类型',
          options: CALENDAR_MEETING_KINDS,
        },
        {
          name: 'period',
          type: 'period',
          label: '所属月份或季度',
          by: 'kind',
          formats: { monthly: 'month', quarterly: 'quarter' },
        },
        { name: 'start', type: 'datetime', label: '改期后的开始时间' },
      ],
    },
    {
      name: 'holidays',
      type: 'objects',
      label: '放假',
      optional: true,
      hint: '法定节假日等不上班的日子，含首尾两天；周一至周五不在其中的为工作日。',
      fields: [
        { name: 'from', type: 'date', label: '放假开始' },
        { name: 'to', type: 'date', label: '放假结束', notBefore: 'from' },
        { name: 'name', type: 'text', label: '名称', hint: '如 国庆节。', min: 2, max: 20 },
      ],
    },
    {
      name: 'workdays',
      type: 'objects',
      label: '调休上班',
      optional: true,
      hint: '因调休要上班的周六、周日。',
      key: 'date',
      fields: [
        { name: 'date', type: 'date', label: '日期' },
        { name: 'name', type: 'text', label: '名称', hint: '如 国庆节调休。', min: 2, max: 20 },
      ],
    },
  ],
} as const satisfies Collection;

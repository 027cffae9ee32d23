/** Fields that the portal's server fills in on every submission, the same in each collection. */

/** Who saved the entry last: the person id of the login the submission gate saw (R16). */
export const SAVED_BY = {
  name: 'savedBy',
  type: 'id',
  label: '保存人',
  hint: '由系统填写：最后一次保存该条目的登录人员编号。',
  optional: true,
  system: 'saver',
} as const;

/** Phrases of the 工作日志 (work logs), the 晨会记录 and the required monthly materials. Templates as in text.ts. */

/** Pharmacies visited besides hospitals: `{c}` is a city. */
export const PHARMACIES: readonly string[] = [
  '{c}大参林药房',
  '{c}老百姓大药房',
  '{c}益丰大药房',
  '{c}一心堂药店',
  '{c}国大药房',
  '{c}海王星辰药店',
  '{c}漱玉平民大药房',
  '{c}医药连锁总店',
];

export const CONTACT_TITLES: readonly string[] = [
  '主任',
  '主任',
  '副主任',
  '主治医生',
  '医生',
  '护士长',
  '药剂科主任',
  '采购',
  '店长',
  '药师',
];

export const VISIT_PURPOSES: readonly string[] = [
  '产品介绍',
  '学术拜访',
  '回款跟进',
  '科室会邀约',
  '处方反馈收集',
  '递交进院资料',
  '送达文献资料',
  '新品试用沟通',
  '临床病例回访',
  '库存与陈列检查',
];

export const VISIT_RESULTS: readonly string[] = [
  '同意安排科室会',
  '已了解产品，待试用',
  '需再次拜访',
  '承诺下周回复',
  '已确认回款时间',
  '资料已交，等待上会',
  '反馈疗效较好',
  '未见到本人，改约时间',
  '同意增加备货',
  '提出价格顾虑',
];

/** A field day's plan (before the morning meeting). */
export const FIELD_PLANS: readonly string[] = [
  '[上午|全天][拜访|走访]{hospX}{deptX}，下午[整理|更新]客户档案',
  '[跟进|回访]{hospX}，[约见|拜访]{doc}',
  '[跑|走访]{city}[片区|区域]药店{n}家，[检查|了解][陈列|库存]',
  '[催收|跟进]{hospX}[回款|货款]，[再|顺路]拜访{deptX}',
  '[准备|筹备]{hospX}科室会，[确认|落实]参会医生',
  '[陪同|协助]{mate}[拜访|走访]{hospX}',
];

/** A telesales day's plan. */
export const PHONE_PLANS: readonly string[] = [
  '[上午|全天]电话[拨打|回访]，[目标|计划][300|320|350]通',
  '[回访|跟进][意向|老]客户，[整理|录入]新线索',
  '[论坛|微信群|朋友圈]发帖，[下午|上午]集中电话[开发|拨打]',
  '[筛选|搜索]{city}[新|潜在]客户线索，[逐一|集中]电话[联系|沟通]',
];

/** A manager's, supervisor's or office staff's day. */
export const OFFICE_PLANS: readonly string[] = [
  '[审核|汇总][本周|昨日]工作日志，[安排|布置]{region}[重点|拜访]工作',
  '[陪同|协助]{mate}[拜访|走访]{hospX}',
  '[整理|核对]{mon}[发货|流向|费用]数据',
  '[准备|完善][周报|月报|培训]材料',
  '[主持|参加][晨会|夕会|周会]，[跟进|督促][日志|数据]填报',
  '[对接|联系]{hospX}药剂科，[处理|跟进]进院事宜',
];

export const REVISIONS: readonly string[] = [
  '[晨会后|按晨会要求][增加|加上]{hospX}的[拜访|回访]',
  '[改为|调整为][下午|上午][先|]去{hospX}',
  '[取消|推迟]{deptX}[拜访|科室会]，[改为|换成]电话[回访|沟通]',
  '[增加|补充][意向客户|老客户]回访',
];

/** Office slots of a day, after its time span. */
export const OFFICE_SLOTS: readonly string[] = [
  '[整理|更新]客户档案',
  '[填写|补充]工作日志',
  '[核对|整理][发货|流向|费用]数据',
  '[回访|电话回访]老客户',
  '[汇总|审核][组内|区域]日志',
  '[准备|修改][周报|月报]',
];

export const PHONE_REVISIONS: readonly string[] = [
  '[晨会后|按晨会要求][增加|加上][意向客户|老客户]回访',
  '[先|上午先][整理|筛选]线索，[下午|再]集中拨打',
  '[增加|多发][微信群|论坛]帖子',
];

export const PHONE_COMPLETIONS: readonly string[] = [
  '[计划|昨日计划][全部|基本]完成',
  '[电话量|拨打量][未|没有]达标，[下午|傍晚][接通率|接通]偏低',
  '已完成，[新增|登记]意向客户{n}个，[已|已经][约|预约]回访',
  '[按计划|基本按计划]完成，线索已录入',
];

export const COMPLETIONS: readonly string[] = [
  '[计划|昨日计划][全部|基本]完成',
  '[完成|已完成][大部分|主要]计划，{hospX}[改约|顺延]到[明天|本周内]',
  '[未|没有][全部|]完成，{deptX}主任[开会|出诊]未见到',
  '已完成，[新增|发现]{n}个[意向|潜在]客户',
  '[按计划|基本按计划]完成，[数据|日志]已补齐',
];

/** 晨会记录 reviews of yesterday (the host's comment). */
export const RECORD_REVIEWS: readonly string[] = [
  '[昨日|昨天]计划[已|基本]完成',
  '[昨日|昨天]拜访[不足|偏少]，[今天|本周][补上|补齐]',
  '[昨日|昨天][日志|数据]填写[及时|完整]，[继续保持|值得表扬]',
  '[昨日|昨天][{hospX}|重点客户][未|没有][跟进|拜访]到位，[今天|尽快]跟进',
  '[昨日|昨天][电话量|意向客户][达标|未达标]，[注意|调整][话术|节奏]',
];

/** Remarks under a month's log (its body, optional). */
export const LOG_NOTES: readonly string[] = [
  '本月{n}日至{n}日[休|请]年假，[期间|这几天]工作由{mate}[代为|协助]跟进。',
  '本月[重点|主要][开发|跟进]{hospX}，[进院|上会]资料[已|正在]准备。',
  '[月中|本月下旬][参加|外出参加]{conf}，当天未安排拜访。',
];

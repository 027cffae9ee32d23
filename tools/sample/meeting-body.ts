/** The minutes (会后备忘) of each kind of meeting: agenda, discussion, resolutions and to-dos with owners. */
import {
  AGENDA,
  DECISIONS,
  DEPT_REVIEW,
  DISCUSSION,
  EVENING_ISSUES,
  HEAD_REMARKS,
  HOST_COMMENTS,
  MORNING_PLANS,
  TODOS,
  TRAINING_FOLLOWUPS,
  TRAINING_LINES,
} from './corpus/meeting-text.ts';
import { bulletList, numberedList, table } from './markdown.ts';
import type { Writer } from './text.ts';

/** Distinct filled templates. */
function some(w: Writer, pool: readonly string[], min: number, max: number): string[] {
  return w.rng.sample(pool, w.rng.int(min, max)).map((t) => w.fill(t));
}

function todos(w: Writer, deadlines: readonly string[]): string {
  const r = w.rng;
  const items = r.sample(TODOS, r.int(2, 4)).map((t) => [w.fill(t), w.mate(), r.pick(deadlines)] as const);
  if (r.chance(0.5))
    return table(
      [r.pick(['事项', '待办事项', '工作']), '负责人', r.pick(['完成期限', '期限', '截止日期'])],
      items.map((i) => [...i]),
    );
  return bulletList(items.map(([what, who, when]) => `${who}：${when}前${what}`));
}

/** 市场区域会议 / 办事处会议 (the 销售沟通会 of R7). */
export function salesMeetingBody(
  w: Writer,
  deadlines: readonly string[],
  leaders: readonly string[],
): string {
  const r = w.rng;
  const parts: string[] = [];
  if (r.chance(0.45)) {
    const invited = leaders.length > 0 ? `，邀请${leaders.join('、')}参加` : '';
    parts.push(w.fill(`[本次|这次]销售沟通会[已|]按要求会前申请${invited}。`));
  }
  parts.push(`## 会议议题\n\n${numberedList(some(w, AGENDA, 2, 4))}`);
  const discussion = some(w, DISCUSSION, 2, 5);
  parts.push(`## 讨论情况\n\n${discussion.join('')}`);
  parts.push(`## 会议决议\n\n${numberedList(some(w, DECISIONS, 2, 3))}`);
  parts.push(`## 待办事项\n\n${todos(w, deadlines)}`);
  return parts.join('\n\n');
}

export function morningBody(w: Writer, attendees: readonly string[]): string {
  const r = w.rng;
  const people = r.sample(attendees, r.int(3, 6));
  const plans = people.map((p) => `${p}：${w.any(MORNING_PLANS)}`);
  return `## 今日安排\n\n${bulletList(plans)}\n\n## 主持人点评\n\n${some(w, HOST_COMMENTS, 1, 2).join('')}`;
}

export function eveningBody(w: Writer, calls: number, intents: number): string {
  const r = w.rng;
  const lines = [
    `## 今日数据\n\n电话量 ${calls} 个，意向客户 ${intents} 个，${w.fill('[有效拜访|客户拜访]{nn}人次，[新增|新登记]客户{n}个。')}`,
    `## 问题与对策\n\n${numberedList(some(w, EVENING_ISSUES, 1, 3))}`,
    `## 明日重点\n\n${w.fill('[重点|优先][跟进|回访]今天的意向客户，[上午|下午][集中|安排][电话|拜访]；{mate}[负责|跟进]{hospX}。')}`,
  ];
  if (r.chance(0.3))
    lines.push(
      w.fill('[今日事，今日毕|今天的事今天完成]，[未完成|没完成]的[同事|组员][加班|留下来][补齐|完成]。'),
    );
  return lines.join('\n\n');
}

export function weeklyBody(w: Writer, deadlines: readonly string[]): string {
  return [
    `## 上周工作回顾\n\n${some(w, DISCUSSION, 2, 3).join('')}`,
    `## 本周重点\n\n${numberedList(some(w, DECISIONS, 2, 4))}`,
    `## 需协调事项\n\n${todos(w, deadlines)}`,
  ].join('\n\n');
}

export function trainingBody(w: Writer): string {
  return [
    `## 培训内容\n\n${some(w, TRAINING_LINES, 2, 4).join('')}`,
    `## 课后安排\n\n${numberedList(some(w, TRAINING_FOLLOWUPS, 1, 3))}`,
  ].join('\n\n');
}

/** 月例会 / 季度例会: the regions report in turn, the head sums up. */
export function departmentBody(
  w: Writer,
  regions: readonly { name: string; cities: readonly string[] }[],
  quarterly: boolean,
  deadlines: readonly string[],
): string {
  const r = w.rng;
  const agenda = quarterly
    ? ['各区域季度工作汇报（三表一文字）', '季度销售达成情况通报', '下季度计划与目标分解', '部长讲话']
    : ['各区域月度工作汇报', '月度指标完成情况通报', '下月工作安排', '部长讲话'];
  const reviews = r.sample(regions, Math.min(regions.length, r.int(3, 5))).map((region) => {
    w.vars.regionX = region.name;
    w.vars.cityX = () => r.pick(region.cities);
    return w.any(DEPT_REVIEW);
  });
  w.vars.regionX = () => r.pick(regions).name;
  const parts = [
    `## 会议议程\n\n${numberedList(agenda)}`,
    `## 各区域汇报\n\n${bulletList(reviews)}`,
    `## 部长讲话要点\n\n${some(w, HEAD_REMARKS, 2, 3).join('')}`,
    `## 待办事项\n\n${todos(w, deadlines)}`,
  ];
  return parts.join('\n\n');
}

/** Small Markdown tables that articles sometimes carry: visits, figures, hospital development, trainings. */
import { DEPARTMENTS } from './corpus/places.ts';
import { PROGRESS_PHRASES, TRAINING_TOPICS } from './corpus/meeting-text.ts';
import { table } from './markdown.ts';
import type { Writer } from './text.ts';

const FEEDBACK = [
  '[关注|关心]疗效数据',
  '[希望|要求]补充文献',
  '[同意|答应]安排科室会',
  '[担心|顾虑]价格',
  '[已|开始]试用',
  '[反馈|评价]良好',
  '[需要|要]再跟进',
  '[询问|问了]医保报销',
  '[暂不|暂时不][考虑|用]',
  '[主动|愿意]推荐给同事',
];
const LEVELS = ['三级甲等', '三级乙等', '二级甲等', '二级乙等', '二级', '一级'];

const col = (w: Writer, options: readonly string[]) => w.fill(w.rng.pick(options));

function visits(w: Writer): string {
  const r = w.rng;
  const header = [
    col(w, ['医院', '单位', '目标医院']),
    col(w, ['科室', '拜访科室']),
    col(w, ['{mon}拜访', '拜访次数', '本月拜访']),
    col(w, ['主要反馈', '客户反馈', '反馈要点']),
  ];
  const rows = Array.from({ length: r.int(3, 5) }, () => [
    w.slot('hospX'),
    r.pick(DEPARTMENTS),
    String(r.int(2, 14)),
    w.any(FEEDBACK),
  ]);
  const caption = w.fill(
    '[{mon}|本月|这段时间][重点|主要]医院的拜访[情况|记录][如下|见下表]（[{mate}整理|据{mate}统计|共{nn}次]）：',
  );
  return `${caption}\n\n${table(header, rows, [false, false, true, false])}`;
}

function figures(w: Writer): string {
  const r = w.rng;
  const header = [
    col(w, ['指标', '项目']),
    col(w, ['{mon}目标', '目标', '计划']),
    col(w, ['{mon}实际', '实际', '完成']),
    col(w, ['达成率', '完成率']),
  ];
  const items: [string, number, boolean][] = [
    ['发货（万元）', r.int(40, 400), true],
    ['回款（万元）', r.int(40, 380), true],
    ['纯销（万元）', r.int(30, 350), true],
    ['新开发医院（家）', r.int(2, 9), false],
    ['布点（家）', r.int(20, 90), false],
  ];
  const rows = r.sample(items, r.int(3, 4)).map(([name, target, money]) => {
    const actual = money
      ? Math.round(target * r.float(0.75, 1.2) * 10) / 10
      : Math.max(0, Math.round(target * r.float(0.6, 1.3)));
    return [name, String(target), String(actual), `${Math.round((actual / target) * 100)}%`];
  });
  const caption = w.fill(
    '[{region}|我们区域|{city0}片区][{mon}|本月|这个月]的[主要|几项][指标|数据][完成情况|如下]（[截至|统计到]{date}）：',
  );
  return `${caption}\n\n${table(header, rows, [false, true, true, true])}`;
}

function development(w: Writer): string {
  const r = w.rng;
  const header = [
    col(w, ['医院', '目标医院']),
    col(w, ['级别', '等级']),
    col(w, ['进展', '当前进展', '目前进度']),
    col(w, ['下一步', '预计时间', '计划']),
  ];
  const next = [
    '[跟进|准备]药事会',
    '{mon2}进院',
    '[安排|组织]科室会',
    '[催|跟进]首单',
    '[补交|递交]资料',
    '[稳定|扩大]用量',
  ];
  const rows = Array.from({ length: r.int(3, 5) }, () => [
    w.slot('hospX'),
    r.pick(LEVELS),
    r.pick(PROGRESS_PHRASES),
    w.any(next),
  ]);
  const caption = w.fill(
    '[正在|目前][开发|跟进]的[几家|重点]医院[进展|情况][如下|列在下面]（[{mate}负责|截至{date}]）：',
  );
  return `${caption}\n\n${table(header, rows)}`;
}

function trainings(w: Writer): string {
  const r = w.rng;
  const header = [
    col(w, ['日期', '时间']),
    col(w, ['主题', '培训内容', '内容']),
    col(w, ['讲者', '主讲', '主讲人']),
    col(w, ['人数', '参加人数']),
  ];
  const days = r.sample([2, 5, 9, 12, 16, 19, 23, 26], r.int(3, 4)).sort((a, b) => a - b);
  const rows = days.map((d) => [
    `${w.month}月${d}日`,
    w.any(TRAINING_TOPICS),
    w.mate(),
    String(r.int(6, 28)),
  ]);
  const caption = w.fill('[{mon}|本月|这个月]{city0}办事处[的|]培训[安排|记录][如下|见下表]（共{nn}人次）：');
  return `${caption}\n\n${table(header, rows, [false, false, false, true])}`;
}

const KINDS: Record<string, (w: Writer) => string> = {
  visit: visits,
  clinical: visits,
  deptmeeting: visits,
  collections: figures,
  team: figures,
  development,
  training: trainings,
};

/** A captioned table that fits the topic (a visits table when none fits better). */
export function articleTable(w: Writer, topicId: string): string {
  return (KINDS[topicId] ?? visits)(w);
}

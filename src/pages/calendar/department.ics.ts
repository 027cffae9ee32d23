/** /calendar/department.ics: the department's reports and monthly minimums, and the standing meetings. */
import { departmentFeed } from '../../site/feeds.ts';
import { feedResponse, feedSource } from './_feeds.ts';

export async function GET() {
  const { source, all } = await feedSource();
  return feedResponse({ title: '全部门的截止时间', deadlines: departmentFeed(all) }, source);
}

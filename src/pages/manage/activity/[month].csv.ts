/** `/manage/activity/2026-11.csv`: the header and the activity rows of `npm run compliance -- --format csv`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { activityCsv } from '../../../site/activity/download.ts';
import { viewKey } from '../../../site/cache-key.ts';
import { activitySource } from './_source.ts';

export const getStaticPaths = (async () => {
  const source = await activitySource();
  return source.months.map((month) => {
    // The file shows the export's activity rows, its month and asOf, and names from the roster.
    const { asOf, activity } = source.exportOf(month);
    return { params: { month }, cacheKey: viewKey(source.shared, 'activity-csv', month, asOf, activity) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const source = await activitySource();
  return new Response(activityCsv(source.exportOf(params.month!), source.content), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};

/** `/manage/activity/2026-11.json`: month, asOf and the `activity` rows of `npm run compliance -- --month 2026-11`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { activityJson } from '../../../site/activity/download.ts';
import { downloadPaths } from '../compliance/_source.ts';
import { activitySource } from './_source.ts';

// The file shows the export's activity rows, its month and asOf.
export const getStaticPaths = (() =>
  downloadPaths('activity-json', ({ month, asOf, activity }) => [
    month,
    asOf,
    activity,
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const source = await activitySource();
  return new Response(activityJson(source.exportOf(params.month!)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

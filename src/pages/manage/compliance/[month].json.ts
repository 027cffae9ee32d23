/** `/manage/compliance/2026-10.json`: byte for byte what `npm run compliance -- --month 2026-10 --now <build time>` prints. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatJson } from '../../../rules/export.ts';
import { viewKey } from '../../../site/cache-key.ts';
import { complianceSource } from './_source.ts';

export const getStaticPaths = (async () => {
  const source = await complianceSource();
  return source.months.map((month) => ({
    params: { month },
    cacheKey: viewKey(source.shared, 'compliance-json', source.exportOf(month)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { exportOf } = await complianceSource();
  return new Response(formatJson(exportOf(params.month!)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

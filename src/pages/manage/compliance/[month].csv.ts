/** `/manage/compliance/2026-10.csv`: byte for byte what `npm run compliance -- --month 2026-10 --format csv` prints. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatCsv } from '../../../rules/export.ts';
import { viewKey } from '../../../site/cache-key.ts';
import { complianceSource } from './_source.ts';

export const getStaticPaths = (async () => {
  const source = await complianceSource();
  // The file is the export and the roster's names (in the shared key) and nothing else.
  return source.months.map((month) => ({
    params: { month },
    cacheKey: viewKey(source.shared, 'compliance-csv', source.exportOf(month)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { content, exportOf } = await complianceSource();
  return new Response(formatCsv(exportOf(params.month!), content), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};

/** `/manage/compliance/2026-10.json`: byte for byte what `npm run compliance -- --month 2026-10 --now <build time>` prints. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { computeCompliance } from '../../../rules/compliance.ts';
import { formatJson } from '../../../rules/export.ts';
import { complianceSource } from './_source.ts';

export const getStaticPaths = (async () =>
  (await complianceSource()).months.map((month) => ({ params: { month } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { content, asOf, sightings } = await complianceSource();
  const result = computeCompliance(content, { month: params.month!, asOf, sightings });
  return new Response(formatJson(result), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

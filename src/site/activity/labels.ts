/** What each measure is called (the model's MEASURES) and the unit its count is read in on the pages. */
import { MEASURES, type Measure } from '../../model/options.ts';

export const MEASURE_LABELS = Object.fromEntries(MEASURES.map((m) => [m.value, m.label])) as Record<
  Measure,
  string
>;

export const MEASURE_UNITS: Record<Measure, string> = {
  visits: '次',
  calls: '个',
  intents: '个',
  leads: '条',
  posts: '条',
};

/** The measures in the model's order. */
export const MEASURE_ORDER: readonly Measure[] = MEASURES.map((m) => m.value);

/** The unit each measure's count is read in on the pages (its name: measureLabel in src/rules/labels.ts). */
import { MEASURES, type Measure } from '../../model/options.ts';

export const MEASURE_UNITS: Record<Measure, string> = {
  visits: '次',
  calls: '个',
  intents: '个',
  leads: '条',
  posts: '条',
};

/** The measures in the model's order. */
export const MEASURE_ORDER: readonly Measure[] = MEASURES.map((m) => m.value);

/**
 * How an activity status reads: the compliance pages' region marks (✓ 达标, ○ 进行中, ✗ 未达标), since
 * "below" is what "missing" is for a region's count, so one legend serves both.
 */
import { regionStatusView, type StatusView } from '../compliance/status.ts';
import type { ActivityStatus } from '../../rules/activity.ts';

export function activityStatusView(status: ActivityStatus): StatusView {
  return regionStatusView(status === 'below' ? 'missing' : status);
}

export const ACTIVITY_LEGEND: StatusView[] = (['met', 'pending', 'below'] as const).map(activityStatusView);

import type { AnyRule } from './types.js';
import { missingDuration } from './missing-duration.js';
import { timelineOutOfOrder } from './timeline-out-of-order.js';
import { impactWithoutMetrics } from './impact-without-metrics.js';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly AnyRule[] = [missingDuration, timelineOutOfOrder, impactWithoutMetrics];

import type { AnyRule } from './types.js';
import { missingDuration } from './missing-duration.js';
import { timelineOutOfOrder } from './timeline-out-of-order.js';
import { impactWithoutMetrics } from './impact-without-metrics.js';
import { missingSection } from './missing-section.js';
import { emptySection } from './empty-section.js';
import { placeholderText } from './placeholder-text.js';
import { duplicateSection } from './duplicate-section.js';
import { durationMismatch } from './duration-mismatch.js';
import { milestoneOrder } from './milestone-order.js';
import { timelineMissingTimezone } from './timeline-missing-timezone.js';
import { ambiguousTime } from './ambiguous-time.js';
import { timelineMidnightRollover } from './timeline-midnight-rollover.js';
import { timestampFormatInconsistent } from './timestamp-format-inconsistent.js';
import { impactVagueQuantifier } from './impact-vague-quantifier.js';
import { actionItemMissingOwner } from './action-item-missing-owner.js';
import { actionItemMissingTicket } from './action-item-missing-ticket.js';
import { actionItemVague } from './action-item-vague.js';
import { noPreventiveAction } from './no-preventive-action.js';
import { blamefulLanguage } from './blameful-language.js';
import { unreadableTime } from './unreadable-time.js';
import { ambiguousDateReading } from './ambiguous-date-reading.js';
import { dateMismatch } from './date-mismatch.js';

/** Every rule, in the order their findings are listed. */
export const RULES: readonly AnyRule[] = [
  missingDuration,
  timelineOutOfOrder,
  impactWithoutMetrics,
  missingSection,
  emptySection,
  placeholderText,
  duplicateSection,
  durationMismatch,
  milestoneOrder,
  timelineMissingTimezone,
  ambiguousTime,
  timelineMidnightRollover,
  timestampFormatInconsistent,
  unreadableTime,
  dateMismatch,
  ambiguousDateReading,
  impactVagueQuantifier,
  actionItemMissingOwner,
  actionItemMissingTicket,
  actionItemVague,
  noPreventiveAction,
  blamefulLanguage,
];

export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === id);
}

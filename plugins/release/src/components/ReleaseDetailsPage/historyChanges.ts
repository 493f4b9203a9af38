import {
  ACTIVITY_PHASES,
  ACTIVITY_STATUSES,
  APPROVAL_STEP_STATUSES,
  FieldChange,
  LEVELS,
  RELEASE_TYPES,
} from '@internal/plugin-release-common';
import { fieldLabel, ReleaseLabels, shortRef } from '../labels';

const isOneOf = <T extends string>(
  values: readonly T[],
  value: unknown,
): value is T => (values as readonly unknown[]).includes(value);

const dateFields = ['plannedStart', 'plannedEnd', 'dueAt', 'resumeAt'];
const refFields = [
  'requester',
  'manager',
  'executorGroup',
  'assignee',
  'group',
];

/** An approval round's step as its history key names it: `step 2 (Owners)`. */
const approvalStepKey = /^step (\d+) \((.*)\)$/;

/** A round's steps as the history records them (docs/approvals.md). */
function stepsText(labels: ReleaseLabels, steps: unknown[]): string {
  return steps
    .map(step => {
      const { position, name, status } = (step ?? {}) as Record<
        string,
        unknown
      >;
      const title = labels.t('approvals.step', {
        position: String(position),
        name: String(name),
      });
      return isOneOf(APPROVAL_STEP_STATUSES, status)
        ? `${title} (${labels.stepStatus(status)})`
        : title;
    })
    .join(', ');
}

/** A field's label, an approval step's included. */
function changeLabel(labels: ReleaseLabels, field: string): string {
  const step = field.match(approvalStepKey);
  if (step) {
    return labels.t('approvals.step', { position: step[1], name: step[2] });
  }
  return fieldLabel(labels.t, field);
}

/** A recorded value as the forms show it: dates, levels, people by name. */
function valueText(labels: ReleaseLabels, field: string, value: unknown) {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'approvalSteps' && Array.isArray(value)) {
    return stepsText(labels, value);
  }
  if (approvalStepKey.test(field) && isOneOf(APPROVAL_STEP_STATUSES, value)) {
    return labels.stepStatus(value);
  }
  // An activity's change is keyed `<title>.<field>`.
  const name = field.slice(field.lastIndexOf('.') + 1);
  if (dateFields.includes(name) && typeof value === 'string') {
    return labels.dateTime(value);
  }
  if (refFields.includes(name) && typeof value === 'string') {
    return shortRef(value);
  }
  if (name === 'priority' && typeof value === 'number') {
    return labels.priority(value);
  }
  if (isOneOf(LEVELS, value) && ['impact', 'urgency', 'risk'].includes(name)) {
    return labels.level(value);
  }
  if (name === 'type' && isOneOf(RELEASE_TYPES, value)) {
    return labels.type(value);
  }
  if (name === 'status' && isOneOf(ACTIVITY_STATUSES, value)) {
    return labels.activityStatus(value);
  }
  // An added or removed activity records its phase.
  if (field.startsWith('activity:') && isOneOf(ACTIVITY_PHASES, value)) {
    return labels.t(`phase.${value}`);
  }
  return String(value);
}

/**
 * What a history entry changed, one `Field: before → after` per field,
 * with the fields named by their labels (docs/process.md#history).
 */
export function changesText(
  labels: ReleaseLabels,
  changes: Record<string, FieldChange>,
): string {
  return Object.entries(changes)
    .map(
      ([field, change]) =>
        `${changeLabel(labels, field)}: ${valueText(
          labels,
          field,
          change.before,
        )} → ${valueText(labels, field, change.after)}`,
    )
    .join('; ');
}

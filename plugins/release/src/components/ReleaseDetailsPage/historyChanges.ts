import {
  ACTIVITY_PHASES,
  ACTIVITY_STATUSES,
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

/** A recorded value as the forms show it: dates, levels, people by name. */
function valueText(labels: ReleaseLabels, field: string, value: unknown) {
  if (value === null || value === undefined || value === '') return '—';
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
        `${fieldLabel(labels.t, field)}: ${valueText(
          labels,
          field,
          change.before,
        )} → ${valueText(labels, field, change.after)}`,
    )
    .join('; ');
}

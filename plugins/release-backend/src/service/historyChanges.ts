import { FieldChange } from '@internal/plugin-release-common';

/** The fields whose value differs, as before → after, for the history. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== undefined && (before[field] ?? null) !== value) {
      changes[field] = { before: before[field] ?? null, after: value };
    }
  }
  return changes;
}

import { FieldError } from '@internal/plugin-release-common';

/**
 * What is wrong inside one step, its paths relative to the step
 * (`quorum`, `approvers.1.maxDistance`).
 */
export type StepErrors = FieldError[];

/** The errors under `prefix.`, with the prefix taken off their paths. */
export function errorsUnder(errors: FieldError[], prefix: string): StepErrors {
  return errors
    .filter(e => e.field.startsWith(`${prefix}.`))
    .map(e => ({ ...e, field: e.field.slice(prefix.length + 1) }));
}

/** The message at `path` or, unless `exact`, at a path inside it. */
export function messageAt(
  errors: StepErrors,
  path: string,
  options: { exact?: boolean } = {},
): string | undefined {
  return errors.find(
    e => e.field === path || (!options.exact && e.field.startsWith(`${path}.`)),
  )?.message;
}

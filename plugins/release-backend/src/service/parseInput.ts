import { InputError } from '@backstage/errors';
import {
  describeFieldErrors,
  FieldError,
  fieldErrorsOf,
} from '@internal/plugin-release-common';
import { z } from 'zod';

/**
 * A 400 that lists its wrong fields as data: the error handler serializes
 * `details` beside `message`, so clients show each message on its field
 * (docs/errors.md#400-invalid-request).
 */
export class FieldInputError extends InputError {
  readonly details: FieldError[];

  constructor(details: FieldError[]) {
    super(`Invalid request: ${describeFieldErrors(details)}`);
    this.details = details;
  }
}

/**
 * Validates a request body or query against a shared schema; a failure is a
 * 400 naming every wrong field.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) {
    return result.data;
  }
  throw new FieldInputError(fieldErrorsOf(result.error));
}

/** A 400 for one wrong field, found past the schema (in the database, the catalog). */
export function fieldError(field: string, message: string): FieldInputError {
  return new FieldInputError([{ field, message }]);
}

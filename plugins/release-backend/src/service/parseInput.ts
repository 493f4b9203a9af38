import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Validates a request body or query against a shared schema; a failure is a
 * 400 whose message names every wrong field.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) {
    return result.data;
  }
  const problems = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return `${issue.keys.join(', ')}: unknown field${
        issue.keys.length > 1 ? 's' : ''
      }`;
    }
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    return `${field}: ${issue.message}`;
  });
  throw new InputError(`Invalid request: ${problems.join('; ')}`);
}

import { z } from 'zod';

/**
 * One wrong field of a request: `field` is the path of the value in the
 * request (`plannedEnd`, `cis.1.entityRef`), `body` when the whole request
 * is wrong. A 400 from the release API carries a list of these in
 * `error.details`, beside its human-readable `message`.
 *
 * @public
 */
export type FieldError = {
  field: string;
  message: string;
};

/** The field errors of a failed zod parse, one per issue. @public */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap(issue => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => ({
        field: [...issue.path, key].join('.'),
        message: 'unknown field',
      }));
    }
    return [
      {
        field: issue.path.length > 0 ? issue.path.join('.') : 'body',
        message: issue.message,
      },
    ];
  });
}

/** `field: message; …`, the same list as one sentence. @public */
export function describeFieldErrors(errors: FieldError[]): string {
  return errors.map(e => `${e.field}: ${e.message}`).join('; ');
}

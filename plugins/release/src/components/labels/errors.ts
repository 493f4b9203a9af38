import { ResponseError } from '@backstage/errors';

/**
 * The backend's 400 names each wrong field ("Invalid request: title: is
 * required; plannedEnd: must be after plannedStart"); this splits it so each
 * message shows on its field.
 */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  const message = (error as Error)?.message ?? '';
  const body = message.replace(/^.*Invalid request: /s, '');
  if (body === message) return {};
  const errors: Record<string, string> = {};
  for (const part of body.split('; ')) {
    const separator = part.indexOf(': ');
    if (separator > 0) {
      errors[part.slice(0, separator).split('.')[0]] = part.slice(
        separator + 2,
      );
    }
  }
  return errors;
}

/** Whether the backend refused because someone else changed the release. */
export function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof ResponseError &&
    error.statusCode === 409 &&
    /changed by someone else/.test(error.body.error.message)
  );
}

/** The backend's own message for an error, without the HTTP preamble. */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.message;
  }
  return (error as Error)?.message ?? String(error);
}

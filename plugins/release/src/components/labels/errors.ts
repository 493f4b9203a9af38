import { FieldError } from '@internal/plugin-release-common';

type BackendBody = {
  error?: { message?: string; details?: unknown };
};

/** The backend's own message for an error, without the HTTP preamble. */
export function errorMessage(error: unknown): string {
  // A ResponseError carries the backend's `{ error: { message } }` body.
  const body = (error as { body?: BackendBody })?.body;
  return body?.error?.message ?? (error as Error)?.message ?? String(error);
}

/**
 * The wrong fields a 400 lists in `error.details` (see docs/errors.md), or
 * none when the error has no such list. Other refusals' details (a 409's)
 * are not about fields.
 */
export function fieldErrorsOfResponse(error: unknown): FieldError[] {
  const status = (error as { statusCode?: number })?.statusCode;
  if (status !== undefined && status !== 400) return [];
  const details = (error as { body?: BackendBody })?.body?.error?.details;
  if (!Array.isArray(details)) return [];
  return details.filter(
    (detail): detail is FieldError =>
      typeof detail?.field === 'string' && typeof detail?.message === 'string',
  );
}

/** Whether the backend refused because someone else changed the record. */
export function isStaleVersion(error: unknown): boolean {
  return (
    (error as { statusCode?: number })?.statusCode === 409 &&
    /changed by someone else/.test(errorMessage(error))
  );
}

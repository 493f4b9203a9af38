/** The backend's own message for an error, without the HTTP preamble. */
export function errorMessage(error: unknown): string {
  // A ResponseError carries the backend's `{ error: { message } }` body.
  const body = (error as { body?: { error?: { message?: string } } })?.body;
  return body?.error?.message ?? (error as Error)?.message ?? String(error);
}

/**
 * The backend's 400 names each wrong field ("Invalid request: title: is
 * required; plannedEnd: must be after plannedStart"); this splits it so each
 * message shows on its field.
 */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  const message = errorMessage(error);
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
    (error as { statusCode?: number })?.statusCode === 409 &&
    /changed by someone else/.test(errorMessage(error))
  );
}

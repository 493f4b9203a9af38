import {
  describeFieldErrors,
  FieldError,
} from '@internal/plugin-release-common';

/** An error shaped as ReleaseClient throws it: a ResponseError with the backend's body. */
export function backendError(
  statusCode: number,
  name: string,
  message: string,
  details?: FieldError[],
) {
  return Object.assign(new Error(`Request failed with ${statusCode}`), {
    name: 'ResponseError',
    statusCode,
    body: {
      error: details ? { name, message, details } : { name, message },
      response: { statusCode },
    },
  });
}

/** The backend's 400 for a request with wrong fields, listed in `details`. */
export function invalidRequest(...details: FieldError[]) {
  return backendError(
    400,
    'InputError',
    `Invalid request: ${describeFieldErrors(details)}`,
    details,
  );
}

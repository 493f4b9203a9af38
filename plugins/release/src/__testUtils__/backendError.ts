/** An error shaped as ReleaseClient throws it: a ResponseError with the backend's body. */
export function backendError(
  statusCode: number,
  name: string,
  message: string,
) {
  return Object.assign(new Error(`Request failed with ${statusCode}`), {
    name: 'ResponseError',
    statusCode,
    body: { error: { name, message }, response: { statusCode } },
  });
}

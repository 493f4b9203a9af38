import { ErrorRequestHandler } from 'express';
import { FieldInputError } from '../service/parseInput';

/**
 * A body that is not JSON is a 400 like any other wrong request: it names
 * the body in `details` (docs/errors.md) instead of echoing what was sent.
 */
export const translateMalformedBodies: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  next(
    error?.type === 'entity.parse.failed'
      ? new FieldInputError([
          { field: 'body', message: 'must be a JSON object' },
        ])
      : error,
  );
};

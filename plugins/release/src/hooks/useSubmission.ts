import { useCallback, useState } from 'react';
import {
  errorMessage,
  fieldErrorsFrom,
  isStaleVersion,
} from '../components/labels/errors';

/**
 * Runs a form's request and sorts what the backend refused: messages for
 * named fields go next to them, anything else (and a stale version) to the
 * form as a whole.
 */
export function useSubmission() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ message: string; stale: boolean }>();
  const [busy, setBusy] = useState(false);

  const submit = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    try {
      await work();
      return true;
    } catch (error) {
      const fields = fieldErrorsFrom(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) {
        setFailure({
          message: errorMessage(error),
          stale: isStaleVersion(error),
        });
      }
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { errors, setErrors, failure, busy, submit };
}

import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { FieldError, fieldErrorsOf } from '@internal/plugin-release-common';
import { useCallback, useMemo, useState } from 'react';
import {
  errorMessage,
  fieldErrorsOfResponse,
  isStaleVersion,
} from '../components/labels/errors';
import {
  describeFieldErrorsIn,
  fieldErrorText,
} from '../components/labels/fieldErrorText';
import { releaseTranslationRef } from '../translations';

/** What a form shows above its fields when a request fails. */
export type SubmissionFailure = { message: string; stale: boolean };

/** A request schema from release-common, checked before sending. */
type RequestSchema = {
  safeParse(
    value: unknown,
  ):
    | { success: true }
    | { success: false; error: Parameters<typeof fieldErrorsOf>[0] };
};

/**
 * Runs a form's request and sorts what was refused: each wrong field the
 * backend lists in `error.details` (or the shared schema finds before
 * sending) goes next to that field; anything else, a wrong field the form
 * does not show, and a stale version go to the form as a whole. What is
 * wrong with a field reads in the user's language (see `fieldErrorText`).
 *
 * @param fields - the request fields the form shows, by their top-level
 *   name; `cis` also shows `cis.1.entityRef`.
 * @param refusalText - says a refusal the form knows in the user's
 *   language; undefined leaves the backend's message.
 */
export function useSubmission(
  fields: readonly string[],
  refusalText?: (error: unknown) => string | undefined,
) {
  const { t } = useTranslationRef(releaseTranslationRef);
  const [refused, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<SubmissionFailure>();
  const [busy, setBusy] = useState(false);
  const fieldList = fields.join(',');

  /** Shows wrong fields; those the form lacks are told above it. */
  const report = useCallback(
    (wrong: FieldError[]) => {
      const shown = fieldList.split(',');
      const onForm = wrong.filter(e => shown.includes(e.field.split('.')[0]));
      const elsewhere = wrong.filter(e => !onForm.includes(e));
      setErrors(onForm);
      setFailure(
        elsewhere.length > 0
          ? {
              message: t('validation.invalidRequest', {
                details: describeFieldErrorsIn(t, elsewhere),
              }),
              stale: false,
            }
          : undefined,
      );
    },
    [fieldList, t],
  );

  /** Checks the request against its schema; false (with errors shown) if wrong. */
  const check = useCallback(
    (schema: RequestSchema, request: unknown): boolean => {
      const parsed = schema.safeParse(request);
      if (parsed.success) return true;
      report(fieldErrorsOf(parsed.error));
      return false;
    },
    [report],
  );

  /** Forgets what was refused, e.g. once the user reloads. */
  const clear = useCallback(() => {
    setErrors([]);
    setFailure(undefined);
  }, []);

  const submit = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true);
      clear();
      try {
        await work();
        return true;
      } catch (error) {
        const wrong = fieldErrorsOfResponse(error);
        if (wrong.length > 0) {
          report(wrong);
        } else {
          setFailure({
            message: refusalText?.(error) ?? errorMessage(error),
            stale: isStaleVersion(error),
          });
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [clear, report, refusalText],
  );

  // Translated when shown, so a change of language applies at once.
  const errors = useMemo(
    () => refused.map(e => ({ ...e, message: fieldErrorText(t, e) })),
    [refused, t],
  );

  /** The message for a field, or for a value inside it (`cis.1.entityRef`). */
  const errorOf = (field: string): string | undefined =>
    errors.find(e => e.field === field || e.field.startsWith(`${field}.`))
      ?.message;

  /** `error` and `helperText` for a TextField showing `field`. */
  const fieldProps = (field: string, helperText?: string) => {
    const message = errorOf(field);
    return { error: !!message, helperText: message ?? helperText };
  };

  return {
    errors,
    errorOf,
    fieldProps,
    failure,
    busy,
    check,
    report,
    submit,
    clear,
  };
}

/** What a form dialog needs of a submission. */
export type Submission = Pick<
  ReturnType<typeof useSubmission>,
  'busy' | 'failure'
>;

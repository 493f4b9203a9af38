import { useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import {
  checkGuards,
  JUSTIFIED_ACTIONS,
  JustifiedAction,
  ReleaseSummary,
  RELEASE_OUTCOMES,
  ReleaseAction,
  ReleaseDetails,
  TransitionInput,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { useJustifications } from '../../hooks/useJustifications';
import { FormDialog, SelectField } from '../forms';
import { useBaseVersion } from '../../hooks/useBaseVersion';
import { useSubmission } from '../../hooks/useSubmission';
import { useReleaseLabels } from '../labels';
import { missingReadinessOf } from './missingReadiness';
import { RequestAuthorizationNotes } from './RequestAuthorizationNotes';

const commentRequired: ReleaseAction[] = ['replan', 'rework'];

/**
 * Asks exactly what an action's guard needs, then performs it. A stale
 * version (someone else changed the release) keeps what was typed and offers
 * to reload; until then it acts on the version it opened with.
 */
export const TransitionDialog = (props: {
  /** A release page's release also says how ready it is and its policy. */
  release: ReleaseSummary &
    Partial<Pick<ReleaseDetails, 'readiness' | 'approvals'>>;
  action: ReleaseAction;
  onClose: () => void;
  onDone: (release: ReleaseDetails) => void;
  onReload: () => void;
}) => {
  const { release, action, onClose, onDone, onReload } = props;
  const releaseApi = useApi(releaseApiRef);
  const justifications = useJustifications();
  const labels = useReleaseLabels();
  const { t } = labels;
  const [input, setInput] = useState<TransitionInput>({});
  const submission = useSubmission(
    [
      'justificationId',
      'outcome',
      'closureNotes',
      'resumeAt',
      'override',
      'comment',
    ],
    error => {
      const missing =
        action === 'request-authorization'
          ? missingReadinessOf(error)
          : undefined;
      return missing
        ? t('requestAuthorization.refused', {
            number: release.number,
            items: missing.map(labels.readinessItem).join(', '),
          })
        : undefined;
    },
  );
  const { fieldProps } = submission;
  const base = useBaseVersion(release, onReload);

  const needsJustification = (JUSTIFIED_ACTIONS as readonly string[]).includes(
    action,
  );
  const reasons = (justifications.value ?? []).filter(
    j => j.active && j.appliesTo.includes(action as JustifiedAction),
  );
  const set = (changes: Partial<TransitionInput>) =>
    setInput({ ...input, ...changes });

  const submit = async () => {
    const local = checkGuards(action, {
      release,
      activities: [],
      ciCount: 1,
      input,
      now: new Date(),
    }).filter(v => v.kind === 'input');
    if (local.length > 0) {
      submission.report(local);
      return;
    }
    let updated: ReleaseDetails | undefined;
    const ok = await submission.submit(async () => {
      updated = await releaseApi.transition(release.id, {
        action,
        expectedVersion: base.version,
        ...Object.fromEntries(
          Object.entries(input).filter(
            ([, value]) => value !== '' && value !== undefined,
          ),
        ),
      });
    });
    if (ok && updated) onDone(updated);
  };

  return (
    <FormDialog
      title={t('transition.title', {
        action: labels.action(action),
        number: release.number,
      })}
      submitLabel={labels.action(action)}
      onClose={onClose}
      onSubmit={submit}
      submission={submission}
      onReload={base.reload}
    >
      {action === 'request-authorization' && (
        <RequestAuthorizationNotes release={release} />
      )}
      {needsJustification && (
        <SelectField
          id="release-justification"
          fullWidth
          margin="normal"
          label={t('field.justification')}
          value={input.justificationId ?? ''}
          onChange={justificationId => set({ justificationId })}
          options={reasons.map(reason => [reason.id, reason.name])}
          {...fieldProps('justificationId', t('transition.justificationHelp'))}
        />
      )}
      {action === 'close' && (
        <>
          <SelectField
            id="release-outcome"
            fullWidth
            margin="normal"
            label={t('field.outcome')}
            value={input.outcome ?? ''}
            onChange={outcome =>
              set({ outcome: outcome as TransitionInput['outcome'] })
            }
            options={RELEASE_OUTCOMES.map(outcome => [
              outcome,
              labels.outcome(outcome),
            ])}
            {...fieldProps('outcome')}
          />
          <TextField
            id="release-closure-notes"
            fullWidth
            multiline
            minRows={3}
            margin="normal"
            label={t('transition.closureNotes')}
            value={input.closureNotes ?? ''}
            onChange={e => set({ closureNotes: e.target.value })}
            {...fieldProps('closureNotes', t('transition.closureNotesHelp'))}
          />
        </>
      )}
      {action === 'suspend' && (
        <TextField
          id="release-resume-automatically-at"
          fullWidth
          margin="normal"
          type="datetime-local"
          label={t('transition.resumeAt')}
          InputLabelProps={{ shrink: true }}
          value={input.resumeAt ? input.resumeAt.slice(0, 16) : ''}
          onChange={e =>
            set({
              resumeAt: e.target.value
                ? new Date(e.target.value).toISOString()
                : undefined,
            })
          }
          {...fieldProps('resumeAt', t('transition.optional'))}
        />
      )}
      {action === 'authorize' && (
        <FormControlLabel
          control={
            <Checkbox
              checked={!!input.override}
              onChange={e => set({ override: e.target.checked })}
            />
          }
          label={t('transition.override')}
        />
      )}
      <TextField
        id="release-transition-comment"
        fullWidth
        multiline
        minRows={2}
        margin="normal"
        label={
          commentRequired.includes(action) || input.override
            ? t('transition.commentRequired')
            : t('transition.comment')
        }
        value={input.comment ?? ''}
        onChange={e => set({ comment: e.target.value })}
        {...fieldProps('comment')}
      />
    </FormDialog>
  );
};

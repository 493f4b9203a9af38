import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { Portfolio, portfolioSchema } from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import {
  POLICY_FIELDS,
  PolicyFields,
  usePolicyDrafts,
} from '../ApprovalPolicyEditor';
import { EntityPicker } from '../EntityPicker';
import { FormDialog } from '../forms';
import { useReleaseLabels } from '../labels';
import { useSubmission } from '../../hooks/useSubmission';

/** The policies, which the form checks with the shared schema before saving. */
const policiesSchema = portfolioSchema.pick({
  approvalPolicy: true,
  emergencyApprovalPolicy: true,
});

/** Creates a portfolio, or edits one when given, with its approval policies. */
export const PortfolioDialog = (props: {
  portfolio?: Portfolio;
  onClose: () => void;
  onSaved: (portfolio: Portfolio) => void;
}) => {
  const releaseApi = useApi(releaseApiRef);
  const { t } = useReleaseLabels();
  const [form, setForm] = useState({
    name: props.portfolio?.name ?? '',
    description: props.portfolio?.description ?? '',
    ownerGroup: props.portfolio?.ownerGroup ?? null,
    authorizerGroup: props.portfolio?.authorizerGroup ?? null,
  });
  const policyDrafts = usePolicyDrafts(props.portfolio);
  const submission = useSubmission([...Object.keys(form), ...POLICY_FIELDS]);
  const { errorOf, fieldProps } = submission;

  const save = async () => {
    const policies = policyDrafts.policies();
    if (!submission.check(policiesSchema, policies)) return;
    const request = { ...form, ...policies };
    let saved: Portfolio | undefined;
    const ok = await submission.submit(async () => {
      saved = props.portfolio
        ? await releaseApi.updatePortfolio(props.portfolio.id, request)
        : await releaseApi.createPortfolio(request);
    });
    if (ok && saved) props.onSaved(saved);
  };

  return (
    <FormDialog
      title={props.portfolio ? t('portfolios.edit') : t('portfolios.new')}
      onClose={props.onClose}
      onSubmit={save}
      submission={submission}
      maxWidth="md"
    >
      <TextField
        id="release-portfolio-name"
        fullWidth
        margin="normal"
        label={t('portfolios.name')}
        value={form.name}
        onChange={e => setForm({ ...form, name: e.target.value })}
        {...fieldProps('name')}
      />
      <TextField
        id="release-portfolio-description"
        fullWidth
        multiline
        margin="normal"
        label={t('portfolios.description')}
        value={form.description}
        onChange={e => setForm({ ...form, description: e.target.value })}
        {...fieldProps('description')}
      />
      <EntityPicker
        label={t('portfolios.ownerGroup')}
        kinds={['Group']}
        value={form.ownerGroup}
        onChange={ownerGroup => setForm({ ...form, ownerGroup })}
        error={errorOf('ownerGroup')}
      />
      <EntityPicker
        label={t('portfolios.authorizerGroup')}
        kinds={['Group']}
        value={form.authorizerGroup}
        onChange={authorizerGroup => setForm({ ...form, authorizerGroup })}
        error={errorOf('authorizerGroup')}
        helperText={t('portfolios.authorizerHelp')}
      />
      <PolicyFields
        policies={policyDrafts}
        inheritLabels={{
          approvalPolicy: t('approvalPolicy.portfolioNone'),
          emergencyApprovalPolicy: t('approvalPolicy.portfolioEmergencyNone'),
        }}
        errors={submission.errors}
      />
    </FormDialog>
  );
};

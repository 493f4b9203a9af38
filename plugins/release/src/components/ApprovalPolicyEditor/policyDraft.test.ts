import {
  ApprovalPolicy,
  approvalPolicySchema,
} from '@internal/plugin-release-common';
import { approversSent, policyDraftOf, policyOf } from './policyDraft';

const policy: ApprovalPolicy = {
  steps: [
    {
      name: 'CAB',
      approvers: [
        { kind: 'group', group: 'group:default/cab' },
        { kind: 'group', group: 'group:default/security' },
        {
          kind: 'impacted-owners',
          entityKinds: ['api', 'system'],
          maxDistance: 0,
        },
        { kind: 'requester' },
      ],
      quorum: 'all',
      condition: { kind: 'type-is', types: ['minor', 'emergency'] },
    },
    {
      name: 'Platform',
      approvers: [{ kind: 'group', group: 'group:default/platform' }],
      quorum: 3,
      condition: { kind: 'risk-at-least', level: 'low' },
    },
  ],
};

/** Sources of every kind, several of each, in no tidy order. */
const manySources: ApprovalPolicy = {
  steps: [
    {
      name: 'Owners',
      approvers: [
        { kind: 'requester' },
        {
          kind: 'impacted-owners',
          entityKinds: ['system'],
          maxDistance: 2,
        },
        { kind: 'group', group: 'group:default/cab' },
        {
          kind: 'impacted-owners',
          entityKinds: ['system', 'component'],
          maxDistance: 1,
        },
        { kind: 'group', group: 'group:default/security' },
        { kind: 'impacted-owners', entityKinds: ['domain'], maxDistance: 0 },
      ],
      quorum: 2,
      condition: { kind: 'type-is', types: ['emergency', 'major'] },
    },
  ],
};

describe('policy drafts', () => {
  it('give back the policy they were made from', () => {
    expect(policyOf(policyDraftOf(policy))).toEqual(policy);
    expect(policyOf(policyDraftOf(null))).toBeNull();
  });

  it('give back every source of a step, several owners sets included, in their order', () => {
    expect(approvalPolicySchema.safeParse(manySources).success).toBe(true);
    expect(policyOf(policyDraftOf(manySources))).toEqual(manySources);
  });

  it('leave what was typed wrong for the shared schema to refuse', () => {
    const draft = policyDraftOf(manySources);
    const [step] = draft.steps;
    step.quorumCount = '';
    step.sources = step.sources.map(source =>
      source.kind === 'impacted-owners' && source.maxDistance === '1'
        ? { ...source, maxDistance: 'far' }
        : source,
    );
    const parsed = approvalPolicySchema.safeParse(policyOf(draft));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(issue => issue.path.join('.'))).toEqual([
      'steps.0.approvers.3.maxDistance',
      'steps.0.quorum',
    ]);
  });

  it('keep the owners sets of a step switched off, and send them again when switched on', () => {
    const draft = policyDraftOf(manySources);
    const [step] = draft.steps;
    step.impactedOwners = false;
    expect(approversSent(step).map(source => source.kind)).toEqual([
      'requester',
      'group',
      'group',
    ]);
    expect(policyOf(draft)?.steps[0].approvers).toEqual([
      { kind: 'requester' },
      { kind: 'group', group: 'group:default/cab' },
      { kind: 'group', group: 'group:default/security' },
    ]);

    step.impactedOwners = true;
    expect(policyOf(draft)).toEqual(manySources);
  });
});

import {
  ApprovalPolicy,
  approvalPolicySchema,
} from '@internal/plugin-release-common';
import { policyDraftOf, policyOf, sourcePositions } from './policyDraft';

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

describe('policy drafts', () => {
  it('give back the policy they were made from', () => {
    expect(policyOf(policyDraftOf(policy))).toEqual(policy);
    expect(policyOf(policyDraftOf(null))).toBeNull();
  });

  it('leave what was typed wrong for the shared schema to refuse', () => {
    const draft = policyDraftOf(policy);
    draft.steps[1].quorumCount = '';
    draft.steps[0].maxDistance = 'far';
    const parsed = approvalPolicySchema.safeParse(policyOf(draft));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(issue => issue.path.join('.'))).toEqual([
      'steps.0.approvers.2.maxDistance',
      'steps.1.quorum',
    ]);
  });

  it("say where each source lands in the step's approvers", () => {
    const [step] = policyDraftOf(policy).steps;
    expect(sourcePositions(step)).toEqual({ impactedOwners: 2, requester: 3 });
    expect(
      sourcePositions({ ...step, groups: [], impactedOwners: false }),
    ).toEqual({ impactedOwners: undefined, requester: 0 });
  });
});

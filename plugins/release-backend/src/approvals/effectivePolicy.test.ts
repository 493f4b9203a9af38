import { ApprovalPolicy } from '@internal/plugin-release-common';
import { effectivePolicy } from './effectivePolicy';

const policy = (name: string): ApprovalPolicy => ({
  steps: [
    {
      name,
      approvers: [{ kind: 'requester' }],
      quorum: 1,
      condition: { kind: 'always' },
    },
  ],
});
const names = (found: ReturnType<typeof effectivePolicy>) => [
  found.source,
  found.policy?.steps[0].name ?? null,
  found.emergency,
];

describe('effectivePolicy', () => {
  const portfolio = {
    approvalPolicy: policy('portfolio CAB'),
    emergencyApprovalPolicy: policy('portfolio ECAB'),
  };
  const model = {
    approvalPolicy: policy('model CAB'),
    emergencyApprovalPolicy: policy('model ECAB'),
  };
  const none = { approvalPolicy: null, emergencyApprovalPolicy: null };

  it("takes the model's policy before the portfolio's", () => {
    expect(names(effectivePolicy({ type: 'minor' }, portfolio, model))).toEqual(
      ['model', 'model CAB', false],
    );
    expect(names(effectivePolicy({ type: 'major' }, portfolio, none))).toEqual([
      'portfolio',
      'portfolio CAB',
      false,
    ]);
  });

  it('gives emergency releases the emergency policies first, then the standard ones', () => {
    const emergency = { type: 'emergency' as const };
    expect(names(effectivePolicy(emergency, portfolio, model))).toEqual([
      'model',
      'model ECAB',
      true,
    ]);
    expect(
      names(
        effectivePolicy(emergency, portfolio, {
          ...model,
          emergencyApprovalPolicy: null,
        }),
      ),
    ).toEqual(['portfolio', 'portfolio ECAB', true]);
    expect(
      names(
        effectivePolicy(
          emergency,
          { ...portfolio, emergencyApprovalPolicy: null },
          { ...model, emergencyApprovalPolicy: null },
        ),
      ),
    ).toEqual(['model', 'model CAB', true]);
  });

  it('is none without a portfolio or policies', () => {
    expect(
      names(effectivePolicy({ type: 'minor' }, undefined, undefined)),
    ).toEqual(['none', null, false]);
    expect(names(effectivePolicy({ type: 'emergency' }, none, none))).toEqual([
      'none',
      null,
      true,
    ]);
  });
});

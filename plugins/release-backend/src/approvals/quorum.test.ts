import { quorumMet } from './quorum';

const approval = (approver: string, onBehalfOf: string[]) => ({
  decision: 'approved' as const,
  approver,
  onBehalfOf,
});

describe('quorumMet', () => {
  const cab = 'group:default/cab';
  const owners = 'group:default/owners';

  it('counts distinct people for a number', () => {
    const step = { quorum: 2, approvers: [cab] };
    expect(quorumMet(step, [approval('user:default/a', [cab])])).toBe(false);
    expect(
      quorumMet(step, [
        approval('user:default/a', [cab]),
        { ...approval('user:default/b', [cab]), decision: 'rejected' as const },
      ]),
    ).toBe(false);
    expect(
      quorumMet(step, [
        approval('user:default/a', [cab]),
        approval('user:default/b', [cab]),
      ]),
    ).toBe(true);
  });

  it("needs every approver ref for 'all'", () => {
    const step = { quorum: 'all' as const, approvers: [cab, owners] };
    expect(quorumMet(step, [approval('user:default/a', [cab])])).toBe(false);
    expect(
      quorumMet(step, [
        approval('user:default/a', [cab]),
        approval('user:default/b', [cab]),
      ]),
    ).toBe(false);
    // One person in both groups stands for both.
    expect(quorumMet(step, [approval('user:default/c', [cab, owners])])).toBe(
      true,
    );
  });
});

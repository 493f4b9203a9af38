import { checkReadiness } from './approvals';

const bare = {
  backoutPlan: null,
  testEvidenceUrl: null,
  activities: [],
  mediaCount: 0,
  externalRelationKinds: [],
};

describe('checkReadiness', () => {
  it('names each required item missing from a bare release', () => {
    expect(
      checkReadiness(['backout-plan', 'deployment-activities'], bare),
    ).toEqual([
      { item: 'backout-plan', present: false },
      { item: 'deployment-activities', present: false },
    ]);
  });

  it('finds each item where the release keeps it', () => {
    const ready = checkReadiness(
      [
        'deployment-activities',
        'backout-plan',
        'test-evidence',
        'definitive-media',
        'knowledge-article',
        'change-record',
      ],
      {
        backoutPlan: 'Roll back to 2.3 with the blue/green switch',
        testEvidenceUrl: 'https://ci.example.com/runs/42',
        activities: [{ phase: 'planning' }, { phase: 'deployment' }],
        mediaCount: 1,
        externalRelationKinds: ['knowledge', 'change'],
      },
    );
    expect(ready.every(check => check.present)).toBe(true);
  });

  it('does not take a blank backout plan or a planning activity for readiness', () => {
    expect(
      checkReadiness(['backout-plan', 'deployment-activities'], {
        ...bare,
        backoutPlan: '   ',
        activities: [{ phase: 'planning' }],
      }).map(check => check.present),
    ).toEqual([false, false]);
  });
});

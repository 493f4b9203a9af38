import { assessRisk, RiskInputs } from './assessRisk';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from './riskSettings';

/** A release that adds no points at all: every factor is tested alone. */
const quiet: RiskInputs = {
  entities: [],
  conflicts: [],
  blackouts: { meeting: [], near: [] },
  leadTimeHours: 100,
  minimumLeadTimeHours: 24,
  recentReleases: { closed: 0, failed: [] },
  priority: 5,
  type: 'minor',
  missingReadiness: [],
};

const entity = (name: string, more: object = {}) => ({
  entityRef: `component:default/${name}`,
  tags: [],
  lifecycle: null,
  ...more,
});

function assess(inputs: Partial<RiskInputs>, settings = DEFAULT_RISK_SETTINGS) {
  return assessRisk({ ...quiet, ...inputs }, settings);
}

describe('assessRisk', () => {
  it('scores a quiet release 0, low, with no factor', () => {
    expect(assess({})).toEqual({
      score: 0,
      suggestedLevel: 'low',
      factors: [],
    });
  });

  it('counts impacted entities, production ones and critical ones, each capped', () => {
    const entities = [
      entity('a', { lifecycle: 'production', tags: ['critical'] }),
      entity('b', { lifecycle: 'production' }),
      entity('c', { lifecycle: 'experimental', tags: ['critical'] }),
      ...Array.from({ length: 12 }, (_, i) => entity(`n${i}`)),
    ];
    const { factors, score } = assess({ entities });
    // 15 entities × 1, capped at 10; 2 production × 2 = 4; 2 critical × 5 = 10.
    expect(factors).toEqual([
      {
        factor: 'impacted-entities',
        value: 15,
        points: 10,
        subjects: entities.slice(0, 15).map(e => e.entityRef),
      },
      {
        factor: 'critical-entities',
        value: 2,
        points: 10,
        subjects: ['component:default/a', 'component:default/c'],
      },
      {
        factor: 'production-entities',
        value: 2,
        points: 4,
        subjects: ['component:default/a', 'component:default/b'],
      },
    ]);
    expect(score).toBe(24);
  });

  it('counts conflicts per release, up to the most', () => {
    const { factors } = assess({
      conflicts: ['REL-000001', 'REL-000002', 'REL-000003', 'REL-000004'],
    });
    expect(factors).toEqual([
      {
        factor: 'conflicts',
        value: 4,
        points: 15,
        subjects: ['REL-000001', 'REL-000002', 'REL-000003', 'REL-000004'],
      },
    ]);
  });

  it('weighs a blackout the window meets more than one near it', () => {
    const { factors } = assess({
      blackouts: { meeting: ['Year-end freeze'], near: ['Payments freeze'] },
    });
    expect(factors).toEqual([
      {
        factor: 'blackout-proximity',
        value: 2,
        points: 20,
        subjects: ['Year-end freeze', 'Payments freeze'],
      },
    ]);
  });

  it('adds insufficient lead time only below the minimum', () => {
    expect(assess({ leadTimeHours: 24.5 }).factors).toEqual([]);
    expect(assess({ leadTimeHours: 23.9 }).factors).toEqual([
      {
        factor: 'insufficient-lead-time',
        value: 23,
        points: 10,
        subjects: ['24'],
      },
    ]);
    // A window already begun has no lead time left.
    expect(assess({ leadTimeHours: -3 }).factors[0].value).toBe(0);
    // Without a planned start there is nothing to measure.
    expect(assess({ leadTimeHours: null }).factors).toEqual([]);
  });

  it('adds the failure rate in proportion, rounded', () => {
    const { factors } = assess({
      recentReleases: { closed: 3, failed: ['REL-000007'] },
    });
    // 1/3 × 20 = 6.67 → 7
    expect(factors).toEqual([
      {
        factor: 'failure-rate',
        value: 0.333,
        points: 7,
        subjects: ['REL-000007'],
      },
    ]);
  });

  it('adds the priority and the type', () => {
    expect(assess({ priority: 1 }).factors).toEqual([
      { factor: 'priority', value: 1, points: 15, subjects: [] },
    ]);
    expect(assess({ type: 'emergency' }).factors).toEqual([
      { factor: 'type', value: 1, points: 15, subjects: ['emergency'] },
    ]);
  });

  it('counts missing readiness items', () => {
    expect(
      assess({ missingReadiness: ['backout-plan', 'test-evidence'] }).factors,
    ).toEqual([
      {
        factor: 'missing-readiness',
        value: 2,
        points: 6,
        subjects: ['backout-plan', 'test-evidence'],
      },
    ]);
  });

  it('sums the points, orders the factors and suggests a level by the thresholds', () => {
    const inputs: Partial<RiskInputs> = {
      priority: 2, // 10
      type: 'major', // 5
      missingReadiness: ['backout-plan'], // 3
      entities: [entity('a', { lifecycle: 'production' })], // 1 + 2
    };
    const medium = assess(inputs);
    expect(medium.score).toBe(21);
    expect(medium.suggestedLevel).toBe('medium');
    expect(medium.factors.map(f => [f.factor, f.points])).toEqual([
      ['priority', 10],
      ['type', 5],
      ['missing-readiness', 3],
      ['production-entities', 2],
      ['impacted-entities', 1],
    ]);
    expect(
      assess({ ...inputs, conflicts: ['REL-000001'] }).suggestedLevel,
    ).toBe('medium'); // 26
    expect(
      assess({ ...inputs, blackouts: { meeting: ['Freeze'], near: [] } })
        .suggestedLevel,
    ).toBe('medium'); // 36
    expect(
      assess({
        ...inputs,
        blackouts: { meeting: ['Freeze'], near: [] },
        leadTimeHours: 1,
      }),
    ).toMatchObject({ score: 46, suggestedLevel: 'high' });
  });

  it('follows configured weights and thresholds', () => {
    const settings: RiskSettings = {
      ...DEFAULT_RISK_SETTINGS,
      weights: {
        ...DEFAULT_RISK_SETTINGS.weights,
        priority: [0, 0, 0, 0, 0],
        type: { emergency: 30, major: 0, minor: 0 },
      },
      thresholds: { medium: 10, high: 30 },
    };
    expect(assess({ priority: 1 }, settings)).toEqual({
      score: 0,
      suggestedLevel: 'low',
      factors: [],
    });
    expect(assess({ type: 'emergency' }, settings)).toMatchObject({
      score: 30,
      suggestedLevel: 'high',
    });
    expect(assess({ type: 'emergency' })).toMatchObject({
      score: 15,
      suggestedLevel: 'low',
    });
  });
});

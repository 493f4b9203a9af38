import { ConfigReader } from '@backstage/config';
import { DEFAULT_RISK_SETTINGS, readRiskSettings } from './riskSettings';

const read = (risk: object) =>
  readRiskSettings(new ConfigReader({ release: { risk } }));

describe('release.risk', () => {
  it('defaults to the documented weights and thresholds', () => {
    expect(readRiskSettings(new ConfigReader({}))).toEqual(
      DEFAULT_RISK_SETTINGS,
    );
    expect(DEFAULT_RISK_SETTINGS.thresholds).toEqual({ medium: 20, high: 40 });
  });

  it('takes each key it is given and keeps the defaults of the others', () => {
    const settings = read({
      weights: {
        conflicts: { each: 7 },
        priority: [20, 10, 0, 0, 0],
        type: { minor: 1 },
      },
      thresholds: { high: 60 },
      criticalTag: 'tier-1',
      failureRateDays: 30,
    });
    expect(settings.weights.conflicts).toEqual({ each: 7, max: 15 });
    expect(settings.weights.priority).toEqual([20, 10, 0, 0, 0]);
    expect(settings.weights.type).toEqual({
      emergency: 15,
      major: 5,
      minor: 1,
    });
    expect(settings.thresholds).toEqual({ medium: 20, high: 60 });
    expect(settings.criticalTag).toBe('tier-1');
    expect(settings.failureRateDays).toBe(30);
  });

  it('stops start-up naming the wrong key', () => {
    expect(() => read({ weights: { conflicts: { each: -1 } } })).toThrow(
      /release.risk.weights.conflicts.each must be a whole number of at least 0, got -1/,
    );
    expect(() => read({ weights: { failureRate: 'lots' } })).toThrow(
      /release.risk.weights.failureRate must be a whole number/,
    );
    expect(() => read({ weights: { blackouts: { near: 1.5 } } })).toThrow(
      /release.risk.weights.blackouts.near must be a whole number/,
    );
    expect(() => read({ weights: { priority: [1, 2, 3] } })).toThrow(
      /release.risk.weights.priority must be five whole numbers/,
    );
    expect(() => read({ thresholds: { medium: 50, high: 40 } })).toThrow(
      /release.risk.thresholds must have 0 < medium < high/,
    );
    expect(() => read({ failureRateDays: 0 })).toThrow(
      /release.risk.failureRateDays must be at least 1/,
    );
  });
});

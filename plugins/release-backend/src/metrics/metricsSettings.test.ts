import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_METRICS_SETTINGS,
  readMetricsSettings,
} from './metricsSettings';

const read = (metrics: object) =>
  readMetricsSettings(new ConfigReader({ release: { metrics } }));

describe('release.metrics', () => {
  it('defaults to the 2024 DORA levels and failed or rolled-back outcomes', () => {
    expect(readMetricsSettings(new ConfigReader({}))).toEqual(
      DEFAULT_METRICS_SETTINGS,
    );
    expect(DEFAULT_METRICS_SETTINGS.levels.leadTime).toEqual({
      elite: 24,
      high: 168,
      medium: 720,
    });
  });

  it('takes the bounds given and keeps the others', () => {
    const settings = read({
      failedOutcomes: ['failed', 'partial'],
      levels: { changeFailureRate: { medium: 0.5 } },
    });
    expect(settings.failedOutcomes).toEqual(['failed', 'partial']);
    expect(settings.levels.changeFailureRate).toEqual({
      elite: 0.05,
      high: 0.2,
      medium: 0.5,
    });
    expect(settings.levels.frequency).toEqual(
      DEFAULT_METRICS_SETTINGS.levels.frequency,
    );
  });

  it('stops at start-up on an unknown outcome or levels in the wrong order', () => {
    expect(() => read({ failedOutcomes: ['broken'] })).toThrow(
      /release.metrics.failedOutcomes: broken is not one of/,
    );
    expect(() => read({ levels: { frequency: { elite: 0.5 } } })).toThrow(
      /release.metrics.levels.frequency must get stricter/,
    );
    expect(() => read({ levels: { leadTime: { high: 1000 } } })).toThrow(
      /release.metrics.levels.leadTime must get stricter/,
    );
    expect(() => read({ levels: { recoveryTime: { elite: -1 } } })).toThrow(
      /release.metrics.levels.recoveryTime.elite must be a number of at least 0/,
    );
  });
});

import { formatReleaseNumber, parseReleaseNumber } from './releaseNumber';

describe('release numbers', () => {
  it('pads the sequence to six digits', () => {
    expect(formatReleaseNumber(42)).toBe('REL-000042');
    expect(formatReleaseNumber(1234567)).toBe('REL-1234567');
  });

  it('reads a number back, whatever its case', () => {
    expect(parseReleaseNumber('rel-000042')).toBe(42);
    expect(parseReleaseNumber('payments')).toBeUndefined();
  });
});

import { derivePriority } from './priority';

describe('derivePriority', () => {
  it.each([
    ['high', 'high', 1],
    ['high', 'medium', 2],
    ['medium', 'high', 2],
    ['high', 'low', 3],
    ['medium', 'medium', 3],
    ['low', 'high', 3],
    ['medium', 'low', 4],
    ['low', 'medium', 4],
    ['low', 'low', 5],
  ] as const)(
    'impact %s and urgency %s give priority %i',
    (impact, urgency, priority) => {
      expect(derivePriority(impact, urgency)).toBe(priority);
    },
  );
});

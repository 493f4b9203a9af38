import { releasePlugin } from './plugin';

describe('release', () => {
  it('should export plugin', () => {
    expect(releasePlugin).toBeDefined();
  });
});

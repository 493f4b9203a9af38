import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
import { textWithLocalFiles } from './localTextPlaceholder';

const root = mkdtempSync(join(tmpdir(), 'text-placeholder-'));
mkdirSync(join(root, 'plugin', 'src'), { recursive: true });
writeFileSync(join(root, 'plugin', 'src', 'openapi.yaml'), 'openapi: 3.1.0\n');
writeFileSync(join(root, 'secret.txt'), 'not for the catalog');

function params(
  value: string,
  baseUrl = join(root, 'plugin', 'catalog-info.yaml'),
): PlaceholderResolverParams {
  return {
    key: 'text',
    value,
    baseUrl,
    read: async url => Buffer.from(`read ${url}`),
    resolveUrl: (url, base) =>
      URL.canParse(url) ? url : new URL(url, base).toString(),
    emit: jest.fn(),
  };
}

describe('$text with local files', () => {
  it('reads a file next to the catalog file of a file location', async () => {
    await expect(
      textWithLocalFiles(params('./src/openapi.yaml')),
    ).resolves.toBe('openapi: 3.1.0\n');
  });

  it('refuses a file outside the catalog file folder', async () => {
    await expect(textWithLocalFiles(params('../secret.txt'))).rejects.toThrow(
      'may only read files inside',
    );
    await expect(
      textWithLocalFiles(params(join(root, 'secret.txt'))),
    ).rejects.toThrow('may only read files inside');
  });

  it('reads URLs as the catalog does, relative to a URL location too', async () => {
    await expect(
      textWithLocalFiles(params('https://example.com/api.yaml')),
    ).resolves.toBe('read https://example.com/api.yaml');
    await expect(
      textWithLocalFiles(
        params('./api.yaml', 'https://example.com/repo/catalog-info.yaml'),
      ),
    ).resolves.toBe('read https://example.com/repo/api.yaml');
  });
});

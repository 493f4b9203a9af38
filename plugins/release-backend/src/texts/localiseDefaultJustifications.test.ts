import { createTestDatabases } from '../__testUtils__/testDatabases';
import { startReleaseBackend } from '../__testUtils__/testBackend';
import { Knex } from 'knex';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const englishDefaults = [
  'Awaiting a vendor fix',
  'Business priorities changed',
  'Change freeze',
  'Closed by mistake',
  'Defect found after closure',
  'Duplicate registration',
  'Resources unavailable',
  'Superseded by another release',
];

const portugueseDefaults = [
  'Aguardando correção do fornecedor',
  'Cadastro duplicado',
  'Congelamento de mudanças',
  'Defeito encontrado após o fechamento',
  'Fechada por engano',
  'Prioridades do negócio mudaram',
  'Recursos indisponíveis',
  'Substituída por outra liberação',
];

/** The portal started (again) on `knex` in `language`. */
function startIn(knex: Knex, language?: string) {
  return startReleaseBackend(knex, {
    config: language ? { release: { language } } : {},
  });
}

async function reasons(api: Awaited<ReturnType<typeof startIn>>) {
  const { body } = await api.get('/api/release/justifications').expect(200);
  return body.items as Array<{
    id: string;
    name: string;
    description: string;
    active: boolean;
  }>;
}

describe.each(databases.eachSupportedId())(
  'the default justification reasons on %p',
  databaseId => {
    it("are written in the portal's language, and back in English when it switches back", async () => {
      const knex = await databases.init(databaseId);
      const english = await reasons(await startIn(knex));
      expect(english.map(r => r.name).sort()).toEqual(englishDefaults);

      const portuguese = await reasons(await startIn(knex, 'pt-BR'));
      expect(portuguese.map(r => r.name).sort()).toEqual(portugueseDefaults);
      expect(
        portuguese.find(r => r.name === 'Congelamento de mudanças'),
      ).toEqual({
        // The same reason, so releases that used it still name it.
        id: english.find(r => r.name === 'Change freeze')!.id,
        name: 'Congelamento de mudanças',
        description:
          'Um período de congelamento (por exemplo, o fim do ano) impede a implantação por enquanto.',
        active: true,
        appliesTo: ['suspend'],
      });

      // Starting again in the same language changes nothing.
      expect(await reasons(await startIn(knex, 'pt-BR'))).toEqual(portuguese);

      expect(await reasons(await startIn(knex, 'en'))).toEqual(english);
    });

    it('keep the words of the reasons an administrator changed or added', async () => {
      const knex = await databases.init(databaseId);
      const api = await startIn(knex);
      const byName = Object.fromEntries(
        (await reasons(api)).map(r => [r.name, r]),
      );
      await api
        .patch(`/api/release/justifications/${byName['Change freeze'].id}`)
        .send({ description: 'Our year-end freeze, 15 Dec to 5 Jan.' })
        .expect(200);
      // Only deactivated: still the seeded words, so still translated.
      await api
        .patch(`/api/release/justifications/${byName['Closed by mistake'].id}`)
        .send({ active: false })
        .expect(200);
      // Renamed and then given its old name back: the administrator's now.
      const vendor = byName['Awaiting a vendor fix'].id;
      for (const name of ['Waiting for the vendor', 'Awaiting a vendor fix']) {
        await api
          .patch(`/api/release/justifications/${vendor}`)
          .send({ name })
          .expect(200);
      }
      // Added by an administrator with the name a default would take.
      await api
        .post('/api/release/justifications')
        .send({ name: 'Cadastro duplicado', appliesTo: ['cancel'] })
        .expect(201);

      const portuguese = await reasons(await startIn(knex, 'pt-BR'));

      expect(portuguese.map(r => [r.name, r.active]).sort()).toEqual(
        [
          ['Awaiting a vendor fix', true],
          ['Cadastro duplicado', true],
          ['Change freeze', true],
          // Its name is taken: it stays in English rather than clash.
          ['Duplicate registration', true],
          ['Fechada por engano', false],
          ['Defeito encontrado após o fechamento', true],
          ['Prioridades do negócio mudaram', true],
          ['Recursos indisponíveis', true],
          ['Substituída por outra liberação', true],
        ].sort(),
      );
      expect(portuguese.find(r => r.name === 'Change freeze')).toMatchObject({
        description: 'Our year-end freeze, 15 Dec to 5 Jan.',
      });
    });
  },
);

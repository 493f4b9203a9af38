import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  "the desktop's current activity on %p",
  databaseId => {
    let api: ReleaseApi;

    beforeAll(async () => {
      api = await startReleaseBackend(await databases.init(databaseId));
    });

    it('leaves the long texts out of its rows; the release page has them', async () => {
      const long = 'Why this release matters. '.repeat(700);
      const { body: release } = await api
        .post('/api/release/releases')
        .send({
          title: 'Ledger 4.2',
          type: 'minor',
          description: long,
          businessJustification: long,
        })
        .expect(201);
      const { body: page } = await api
        .get('/api/release/releases?q=Ledger%204.2')
        .expect(200);
      expect(page.items).toEqual([
        expect.objectContaining({ id: release.id, title: 'Ledger 4.2' }),
      ]);
      for (const field of [
        'description',
        'businessJustification',
        'closureNotes',
      ]) {
        expect(page.items[0]).not.toHaveProperty(field);
      }
      expect(JSON.stringify(page).length).toBeLessThan(5_000);
      const { body: details } = await api
        .get(`/api/release/releases/${release.id}`)
        .expect(200);
      expect(details).toMatchObject({
        description: long,
        businessJustification: long,
      });
    });

    it('is the first open planning activity, then the next, then deployment, with the open ones counted', async () => {
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Ledger 4.1', type: 'minor' })
        .expect(201);
      const add = async (phase: string, title: string) =>
        (
          await api
            .post(`/api/release/releases/${release.id}/activities`)
            .send({ phase, title })
            .expect(201)
        ).body;
      // Added out of order: deployment first, planning after.
      await add('deployment', 'Deploy');
      const scope = await add('planning', 'Scope');
      const rollback = await add('planning', 'Rollback plan');
      const finish = (activity: { id: string; version: number }) =>
        api
          .patch(
            `/api/release/releases/${release.id}/activities/${activity.id}`,
          )
          .send({ status: 'done', expectedVersion: activity.version })
          .expect(200);
      const desktopRow = async () => {
        const { body } = await api
          .get('/api/release/releases')
          .query({ q: 'Ledger 4.1' })
          .expect(200);
        const row = body.items.find((item: any) => item.id === release.id);
        return {
          current: row.currentActivity && {
            title: row.currentActivity.title,
            phase: row.currentActivity.phase,
          },
          open: row.openActivityCount,
        };
      };

      expect(await desktopRow()).toEqual({
        current: { title: 'Scope', phase: 'planning' },
        open: 3,
      });
      await finish(scope);
      expect(await desktopRow()).toEqual({
        current: { title: 'Rollback plan', phase: 'planning' },
        open: 2,
      });
      await finish(rollback);
      expect(await desktopRow()).toEqual({
        current: { title: 'Deploy', phase: 'deployment' },
        open: 1,
      });
    });

    it('is none for a release without activities', async () => {
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Quiet 1.0', type: 'minor' })
        .expect(201);
      const { body } = await api
        .get('/api/release/releases')
        .query({ q: 'Quiet 1.0' })
        .expect(200);
      expect(body.items).toEqual([
        expect.objectContaining({
          id: release.id,
          currentActivity: null,
          openActivityCount: 0,
        }),
      ]);
    });
  },
);

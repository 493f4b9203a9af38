import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** Statements that read the release row: a select from it, or an update returning it. */
const readsRelease = /(from|update)\s+["`]?releases["`]?(\s|$)/i;
/** Reads of the release's risk assessment or approval round columns only. */
const readsRisk = /^select ["`]?risk["`]?, ["`]?risk_score/i;
const readsRound = /^select ["`]?approval_round["`]?, /i;

describe.each(databases.eachSupportedId())('a transition on %p', databaseId => {
  it('reads the release row at most twice: once to check it, once as its update returns it; its risk and round once each', async () => {
    const knex = await databases.init(databaseId);
    const api = await startReleaseBackend(knex);
    const { body: release } = await api
      .post('/api/release/releases')
      .send({ title: 'Counted', type: 'minor' })
      .expect(201);

    const statements: string[] = [];
    const listen = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', listen);
    const { body: moved } = await api
      .post(`/api/release/releases/${release.id}/transitions`)
      .send({ action: 'plan', expectedVersion: 1 })
      .expect(200);
    knex.off('query', listen);

    expect(moved).toMatchObject({ status: 'planning', version: 2 });
    const all = statements.filter(sql => readsRelease.test(sql));
    // The answer explains the risk and the approval round: one narrow read
    // of each (docs/risk.md#recomputation, docs/approvals.md).
    expect(all.filter(sql => readsRisk.test(sql))).toHaveLength(1);
    expect(all.filter(sql => readsRound.test(sql))).toHaveLength(1);
    const releaseReads = all.filter(
      sql => !readsRisk.test(sql) && !readsRound.test(sql),
    );
    expect(releaseReads).toHaveLength(2);
    // On PostgreSQL the update carries the impact index's copy in a WITH.
    expect(releaseReads[1]).toMatch(
      /^(with .* as \()?update ["`]?releases["`]? /i,
    );
  });
});

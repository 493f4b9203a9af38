/*
 * Preloaded into the load test's backend when LOAD_STATEMENTS=1: counts the
 * statements each database receives (BEGIN and COMMIT included), and writes
 * the counts so far to LOAD_STATEMENTS_FILE on SIGUSR2. The load test reads
 * them before and after a batch of one kind of request.
 */
const fs = require('node:fs');
const path = require('node:path');

const pg = require(require.resolve('pg', {
  paths: [path.resolve(__dirname, '../../../packages/backend')],
}));

const counts = {};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  const database = this.connectionParameters?.database ?? 'unknown';
  counts[database] = (counts[database] ?? 0) + 1;
  return query.apply(this, args);
};

process.on('SIGUSR2', () => {
  fs.writeFileSync(process.env.LOAD_STATEMENTS_FILE, JSON.stringify(counts));
});

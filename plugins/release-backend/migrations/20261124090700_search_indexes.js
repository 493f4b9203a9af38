// @ts-check

/**
 * Indexes for the desktop's filters (covering the per-status counts) and for
 * text search over titles and descriptions: trigram indexes, so a substring
 * search does not read every release. PostgreSQL uses pg_trgm when it can be
 * installed; SQLite an FTS5 table with the trigram tokenizer, kept in step by
 * triggers.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('releases', table => {
    table.index(
      ['portfolio_id', 'status', 'priority'],
      'releases_portfolio_status_idx',
    );
    table.index(['executor_group', 'status'], 'releases_group_status_idx');
    table.index(['manager', 'status'], 'releases_manager_status_idx');
    table.index(
      ['type', 'priority', 'status'],
      'releases_type_priority_status_idx',
    );
    table.index(['priority', 'status'], 'releases_priority_status_idx');
    table.index(['status', 'closed_at'], 'releases_status_closed_idx');
  });

  const client = knex.client.config.client;
  if (client === 'pg') {
    // pg_trgm is a trusted extension: the database owner may install it.
    const { rows } = await knex.raw(
      "select 1 from pg_available_extensions where name = 'pg_trgm'",
    );
    if (rows.length > 0) {
      await knex.raw('create extension if not exists pg_trgm');
      await knex.raw(
        'create index releases_title_trgm_idx on releases using gin (lower(title) gin_trgm_ops)',
      );
      await knex.raw(
        'create index releases_description_trgm_idx on releases using gin (lower(description) gin_trgm_ops)',
      );
    }
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    await knex.raw(`create virtual table releases_text using fts5(
      title, description, content='releases', content_rowid='rowid', tokenize='trigram')`);
    await knex.raw(`create trigger releases_text_insert after insert on releases begin
      insert into releases_text(rowid, title, description) values (new.rowid, new.title, new.description);
    end`);
    await knex.raw(`create trigger releases_text_delete after delete on releases begin
      insert into releases_text(releases_text, rowid, title, description) values ('delete', old.rowid, old.title, old.description);
    end`);
    await knex.raw(`create trigger releases_text_update after update of title, description on releases begin
      insert into releases_text(releases_text, rowid, title, description) values ('delete', old.rowid, old.title, old.description);
      insert into releases_text(rowid, title, description) values (new.rowid, new.title, new.description);
    end`);
    await knex.raw(
      `insert into releases_text(releases_text) values ('rebuild')`,
    );
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const client = knex.client.config.client;
  if (client === 'pg') {
    await knex.raw('drop index if exists releases_title_trgm_idx');
    await knex.raw('drop index if exists releases_description_trgm_idx');
  } else if (client === 'better-sqlite3' || client === 'sqlite3') {
    await knex.raw('drop trigger if exists releases_text_insert');
    await knex.raw('drop trigger if exists releases_text_delete');
    await knex.raw('drop trigger if exists releases_text_update');
    await knex.raw('drop table if exists releases_text');
  }
  await knex.schema.alterTable('releases', table => {
    table.dropIndex([], 'releases_portfolio_status_idx');
    table.dropIndex([], 'releases_group_status_idx');
    table.dropIndex([], 'releases_manager_status_idx');
    table.dropIndex([], 'releases_type_priority_status_idx');
    table.dropIndex([], 'releases_priority_status_idx');
    table.dropIndex([], 'releases_status_closed_idx');
  });
};

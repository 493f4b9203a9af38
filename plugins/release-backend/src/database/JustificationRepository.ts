import { Justification } from '@internal/plugin-release-common';
import { Knex } from 'knex';

function justificationFromRow(row: any): Justification {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: Boolean(row.active),
    appliesTo: JSON.parse(row.applies_to),
  };
}

function toRow(changes: Partial<Justification>) {
  const row: Record<string, unknown> = {};
  if (changes.name !== undefined) row.name = changes.name;
  if (changes.description !== undefined) row.description = changes.description;
  if (changes.active !== undefined) row.active = changes.active;
  if (changes.appliesTo !== undefined) {
    row.applies_to = JSON.stringify(changes.appliesTo);
  }
  return row;
}

/**
 * The justification catalogue (docs/process.md#the-justification-catalogue).
 * Reasons are never deleted.
 */
export class JustificationRepository {
  constructor(private readonly db: Knex) {}

  async list(): Promise<Justification[]> {
    const rows = await this.db('release_justifications').orderBy('name');
    return rows.map(justificationFromRow);
  }

  async get(id: string): Promise<Justification | undefined> {
    const row = await this.db('release_justifications').where({ id }).first();
    return row ? justificationFromRow(row) : undefined;
  }

  async findByName(name: string): Promise<Justification | undefined> {
    const row = await this.db('release_justifications').where({ name }).first();
    return row ? justificationFromRow(row) : undefined;
  }

  async insert(justification: Justification, now: Date): Promise<void> {
    await this.db('release_justifications').insert({
      id: justification.id,
      created_at: now,
      updated_at: now,
      ...toRow(justification),
    });
  }

  async update(
    id: string,
    changes: Partial<Justification>,
    now: Date,
  ): Promise<Justification | undefined> {
    await this.db('release_justifications')
      .where({ id })
      .update({ ...toRow(changes), updated_at: now });
    return this.get(id);
  }
}

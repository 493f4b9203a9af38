import { Justification } from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { DefaultJustificationKey } from '../texts/BackendTexts';

function justificationFromRow(row: any): Justification {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: Boolean(row.active),
    appliesTo: JSON.parse(row.applies_to),
  };
}

/** A seeded reason whose name and description no administrator changed. */
export type UntouchedDefaultJustification = {
  id: string;
  defaultKey: DefaultJustificationKey;
  name: string;
  description: string;
};

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
      .update({
        ...toRow(changes),
        ...this.keyKeptWhileTextIs(changes),
        updated_at: now,
      });
    return this.get(id);
  }

  /**
   * A seeded reason whose name or description an administrator changes is
   * theirs from then on: it loses its key and keeps its words whatever the
   * configured language (docs/languages.md).
   */
  private keyKeptWhileTextIs(changes: Partial<Justification>) {
    const same: string[] = [];
    const values: string[] = [];
    if (changes.name !== undefined) {
      same.push('name = ?');
      values.push(changes.name);
    }
    if (changes.description !== undefined) {
      same.push('description = ?');
      values.push(changes.description);
    }
    if (same.length === 0) return {};
    // The right-hand side reads the row as it was before this update.
    return {
      default_key: this.db.raw(
        `CASE WHEN ${same.join(' AND ')} THEN default_key ELSE NULL END`,
        values,
      ),
    };
  }

  async listUntouchedDefaults(): Promise<UntouchedDefaultJustification[]> {
    const rows = await this.db('release_justifications')
      .whereNotNull('default_key')
      .orderBy('default_key')
      .select('id', 'default_key', 'name', 'description');
    return rows.map(row => ({
      id: row.id,
      defaultKey: row.default_key,
      name: row.name,
      description: row.description,
    }));
  }

  /** Writes a seeded reason in another language; it stays a seeded one. */
  async rewordDefault(
    id: string,
    text: { name: string; description: string },
    now: Date,
  ): Promise<void> {
    await this.db('release_justifications')
      .where({ id })
      .update({ ...text, updated_at: now });
  }
}

import type {
  GetEntitiesByRefsRequest,
  QueryEntitiesInitialRequest,
} from '@backstage/catalog-client';

/** How long typing must pause before the catalog is asked. */
export const ENTITY_PICKER_DEBOUNCE_MS = 250;

/** Suggestions per query: enough to choose from, small enough to send per keystroke. */
export const ENTITY_PICKER_LIMIT = 20;

/** What a suggestion shows (kind, title or name, owner) and nothing more. */
export const entityPickerFields = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
  'spec.owner',
];

/** Where the typed term is looked for: the names a user knows an entity by. */
export const entityPickerSearchFields = [
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
];

/**
 * The catalog query an entity picker sends for what the user typed: one page
 * of the given kinds whose name, title or display name contains the term, or
 * the first page when nothing is typed.
 *
 * @internal
 */
export function entityPickerQuery(
  term: string,
  kinds: string[],
): QueryEntitiesInitialRequest {
  const trimmed = term.trim();
  return {
    filter: { kind: kinds },
    ...(trimmed
      ? { fullTextFilter: { term: trimmed, fields: entityPickerSearchFields } }
      : {}),
    // The catalog sorts on one field and leaves out entities without it;
    // every entity has a name, not every one a title.
    orderFields: { field: 'metadata.name', order: 'asc' },
    limit: ENTITY_PICKER_LIMIT,
    fields: entityPickerFields,
    // Nobody pages through suggestions; counting every match costs a query.
    totalItems: 'exclude',
  };
}

/**
 * The catalog request for what the picker shows of entities already chosen.
 *
 * @internal
 */
export function entityPickerChosenRequest(
  entityRefs: string[],
): GetEntitiesByRefsRequest {
  return { entityRefs, fields: entityPickerFields };
}

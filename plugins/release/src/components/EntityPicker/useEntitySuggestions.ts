import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useEffect, useState } from 'react';
import { EntityOption, entityOption } from './entityOption';
import {
  ENTITY_PICKER_DEBOUNCE_MS,
  entityPickerQuery,
} from './entityPickerQuery';

type Suggestions = {
  options: EntityOption[];
  loading: boolean;
  error?: Error;
};

/**
 * One page of catalog entities of the given kinds matching the term, asked
 * for while `open` once the term has stayed the same for a moment. A
 * response to an earlier term is dropped: it arrives after the user moved on.
 */
export function useEntitySuggestions(
  kinds: string[],
  term: string,
  open: boolean,
): Suggestions {
  const catalogApi = useApi(catalogApiRef);
  const [state, setState] = useState<Suggestions>({
    options: [],
    loading: false,
  });
  const kindsKey = kinds.join(',');

  useEffect(() => {
    if (!open) return undefined;
    let current = true;
    setState(previous => ({ ...previous, loading: true }));
    // Opening the picker or emptying the input shows the first page at once.
    const delay = term.trim() ? ENTITY_PICKER_DEBOUNCE_MS : 0;
    const timer = setTimeout(async () => {
      try {
        const { items } = await catalogApi.queryEntities(
          entityPickerQuery(term, kindsKey.split(',')),
        );
        if (current) {
          setState({ options: items.map(entityOption), loading: false });
        }
      } catch (error) {
        if (current) {
          setState({ options: [], loading: false, error: error as Error });
        }
      }
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [catalogApi, kindsKey, term, open]);

  return state;
}

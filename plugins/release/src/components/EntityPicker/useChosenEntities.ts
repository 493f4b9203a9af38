import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EntityOption, entityOption, placeholderOption } from './entityOption';
import { entityPickerChosenRequest } from './entityPickerQuery';

/**
 * How the chosen entities show: each ref's kind, title and owner, asked of
 * the catalog by ref for those not picked from the suggestions in this
 * session (a value given from outside, or kept from an earlier visit).
 * Until the catalog answers, and for a ref it does not know, the ref shows.
 *
 * Each ref keeps one option object while its content stays the same: the
 * autocomplete resets its input whenever the value object changes.
 */
export function useChosenEntities(refs: string[]) {
  const catalogApi = useApi(catalogApiRef);
  const [known, setKnown] = useState<ReadonlyMap<string, EntityOption>>(
    new Map(),
  );
  const asked = useRef(new Set<string>());
  const placeholders = useRef(new Map<string, EntityOption>());
  const refsKey = refs.join('\n');

  const placeholderFor = useCallback((ref: string) => {
    let placeholder = placeholders.current.get(ref);
    if (!placeholder) {
      placeholder = placeholderOption(ref);
      placeholders.current.set(ref, placeholder);
    }
    return placeholder;
  }, []);

  const remember = useCallback((options: EntityOption[]) => {
    setKnown(previous => {
      const next = new Map(previous);
      for (const option of options) {
        if (!next.has(option.ref)) next.set(option.ref, option);
      }
      return next;
    });
  }, []);

  useEffect(() => {
    const missing = refsKey
      .split('\n')
      .filter(ref => ref && !known.has(ref) && !asked.current.has(ref));
    if (missing.length === 0) return;
    missing.forEach(ref => asked.current.add(ref));
    const describe = async (): Promise<EntityOption[]> => {
      try {
        const { items } = await catalogApi.getEntitiesByRefs(
          entityPickerChosenRequest(missing),
        );
        return missing.map((ref, i) => {
          const entity = items[i];
          // Keyed by the ref as given, however the catalog spells it.
          return entity
            ? { ...entityOption(entity), ref }
            : placeholderFor(ref);
        });
      } catch {
        // The refs themselves stay readable when the catalog cannot answer.
        return missing.map(placeholderFor);
      }
    };
    describe().then(remember);
  }, [catalogApi, refsKey, known, remember, placeholderFor]);

  const optionFor = useCallback(
    (ref: string): EntityOption => known.get(ref) ?? placeholderFor(ref),
    [known, placeholderFor],
  );

  return { optionFor, remember };
}

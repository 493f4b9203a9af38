import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';

type Option = { ref: string; label: string };

function useEntityOptions(kinds: string[]) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<Option[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: kinds },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const ref = stringifyEntityRef(entity);
        const name =
          (entity.spec as any)?.profile?.displayName ??
          entity.metadata.title ??
          entity.metadata.name;
        return {
          ref,
          label: kinds.length > 1 ? `${name} (${entity.kind})` : name,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi, kinds.join(',')]);
}

/** Picks one catalog entity of the given kinds; the value is its entity ref. */
export const EntityPicker = (props: {
  label: string;
  kinds: string[];
  value: string | null;
  onChange: (ref: string | null) => void;
  error?: string;
  helperText?: string;
}) => {
  const options = useEntityOptions(props.kinds);
  const list = options.value ?? [];
  return (
    <Autocomplete
      options={list}
      loading={options.loading}
      value={list.find(o => o.ref === props.value) ?? null}
      getOptionLabel={option => option.label}
      getOptionSelected={(option, value) => option.ref === value.ref}
      onChange={(_, option) => props.onChange(option?.ref ?? null)}
      renderInput={params => (
        <TextField
          {...params}
          margin="normal"
          label={props.label}
          error={!!props.error}
          helperText={props.error ?? props.helperText}
        />
      )}
    />
  );
};

/** Picks several catalog entities; the value is their entity refs. */
export const MultiEntityPicker = (props: {
  label: string;
  kinds: string[];
  value: string[];
  onChange: (refs: string[]) => void;
  error?: string;
  helperText?: string;
}) => {
  const options = useEntityOptions(props.kinds);
  const list = options.value ?? [];
  return (
    <Autocomplete
      multiple
      options={list}
      loading={options.loading}
      value={list.filter(o => props.value.includes(o.ref))}
      getOptionLabel={option => option.label}
      getOptionSelected={(option, value) => option.ref === value.ref}
      onChange={(_, chosen) => props.onChange(chosen.map(o => o.ref))}
      renderInput={params => (
        <TextField
          {...params}
          margin="normal"
          label={props.label}
          error={!!props.error}
          helperText={props.error ?? props.helperText}
        />
      )}
    />
  );
};

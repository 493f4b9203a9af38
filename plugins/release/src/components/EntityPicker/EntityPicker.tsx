import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete, {
  AutocompleteRenderInputParams,
} from '@material-ui/lab/Autocomplete';
import { useMemo, useState } from 'react';
import { EntityOption } from './entityOption';
import { useChosenEntities } from './useChosenEntities';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { useEntitySuggestions } from './useEntitySuggestions';

type PickerProps = {
  label: string;
  kinds: string[];
  error?: string;
  helperText?: string;
};

/**
 * What an entity picker shares between one and several values: the term
 * typed, the suggestions for it while open, and how options and the input
 * look. The catalog filters; the autocomplete shows what it answered.
 */
function useEntityPicker(props: PickerProps, refs: string[]) {
  const { t } = useTranslationRef(releaseTranslationRef);
  const [open, setOpen] = useState(false);
  const [term, setTerm] = useState('');
  const suggestions = useEntitySuggestions(props.kinds, term, open);
  const chosen = useChosenEntities(refs);
  // With one kind on offer, saying it on every row says nothing.
  const showKind = props.kinds.length > 1;
  // The chosen entities are options too, or the autocomplete calls the value
  // invalid; the list shows only what the catalog suggested.
  const options = useMemo(() => {
    const suggested = new Set(suggestions.options.map(option => option.ref));
    return [
      ...suggestions.options,
      ...refs.filter(ref => !suggested.has(ref)).map(chosen.optionFor),
    ];
  }, [suggestions.options, refs, chosen.optionFor]);

  const autocompleteProps = {
    open,
    onOpen: () => setOpen(true),
    onClose: () => setOpen(false),
    options,
    loading: suggestions.loading,
    filterOptions: () => suggestions.options,
    onInputChange: (_: unknown, value: string, reason: string) =>
      // After a choice the input shows its title: that is not a search.
      setTerm(reason === 'input' ? value : ''),
    getOptionLabel: (option: EntityOption) =>
      showKind && option.kind
        ? `${option.title} (${option.kind})`
        : option.title,
    getOptionSelected: (option: EntityOption, value: EntityOption) =>
      option.ref === value.ref,
    renderOption: (option: EntityOption) => (
      <div>
        <Typography variant="body2">{option.title}</Typography>
        <Typography variant="caption" color="textSecondary">
          {[
            showKind && option.kind,
            option.owner && t('entityPicker.owner', { owner: option.owner }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </div>
    ),
    noOptionsText: suggestions.error
      ? t('entityPicker.catalogFailed', {
          message: suggestions.error.message,
        })
      : t('entityPicker.noMatch'),
    renderInput: (params: AutocompleteRenderInputParams) => (
      <TextField
        {...params}
        margin="normal"
        label={props.label}
        error={!!props.error}
        helperText={props.error ?? props.helperText}
        InputProps={{
          ...params.InputProps,
          endAdornment: (
            <>
              {suggestions.loading && open ? (
                <CircularProgress
                  color="inherit"
                  size={18}
                  aria-label={t('entityPicker.searching', {
                    label: props.label,
                  })}
                />
              ) : null}
              {params.InputProps.endAdornment}
            </>
          ),
        }}
      />
    ),
  };
  return { chosen, autocompleteProps };
}

/** Picks one catalog entity of the given kinds; the value is its entity ref. */
export const EntityPicker = (
  props: PickerProps & {
    value: string | null;
    onChange: (ref: string | null) => void;
  },
) => {
  const refs = useMemo(() => (props.value ? [props.value] : []), [props.value]);
  const { chosen, autocompleteProps } = useEntityPicker(props, refs);
  return (
    <Autocomplete
      {...autocompleteProps}
      value={props.value ? chosen.optionFor(props.value) : null}
      onChange={(_, option) => {
        if (option) chosen.remember([option]);
        props.onChange(option?.ref ?? null);
      }}
    />
  );
};

/** Picks several catalog entities; the value is their entity refs. */
export const MultiEntityPicker = (
  props: PickerProps & {
    value: string[];
    onChange: (refs: string[]) => void;
  },
) => {
  const { chosen, autocompleteProps } = useEntityPicker(props, props.value);
  const value = useMemo(
    () => props.value.map(chosen.optionFor),
    [props.value, chosen.optionFor],
  );
  return (
    <Autocomplete
      {...autocompleteProps}
      multiple
      value={value}
      onChange={(_, options) => {
        chosen.remember(options);
        props.onChange(options.map(option => option.ref));
      }}
    />
  );
};

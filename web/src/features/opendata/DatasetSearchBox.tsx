import { Button, Combobox, Group, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMessages } from '../../lib/i18n';
import { fetchSuggestions, opendataKey } from './opendata.api';
import { opendataMessages } from './opendata.i18n';

/**
 * The portal's search box: titles are suggested as the user types (accents optional, the server
 * folds them); Enter or the button searches, choosing a suggestion opens that dataset.
 */
export function DatasetSearchBox({
  initial = '',
  size = 'lg',
  onSearch,
}: {
  readonly initial?: string;
  readonly size?: 'md' | 'lg';
  /** Where a submitted search goes; default: the search page. */
  readonly onSearch?: (q: string) => void;
}) {
  const t = useMessages(opendataMessages);
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const suggestions = useQuery({
    queryKey: [...opendataKey, 'suggest', debounced],
    queryFn: ({ signal }) => fetchSuggestions(debounced, signal),
    enabled: debounced.length >= 2,
    staleTime: 60_000,
  });
  const options = debounced.length >= 2 ? (suggestions.data ?? []) : [];

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    combobox.closeDropdown();
    if (onSearch) onSearch(value.trim());
    else void navigate(value.trim() ? `/data/search?q=${encodeURIComponent(value.trim())}` : '/data/search');
  };

  return (
    <form onSubmit={search} role="search" aria-label={t.searchLabel}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Combobox
          store={combobox}
          onOptionSubmit={(name) => {
            combobox.closeDropdown();
            void navigate(`/data/dataset/${encodeURIComponent(name)}`);
          }}
        >
          <Combobox.Target withExpandedAttribute>
            <TextInput
              label={t.searchLabel}
              description={t.searchHint}
              placeholder={t.searchPlaceholder}
              type="search"
              size={size}
              value={value}
              style={{ flex: 1, minWidth: 0 }}
              onChange={(event) => {
                setValue(event.currentTarget.value);
                combobox.openDropdown();
                combobox.updateSelectedOptionIndex();
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
              onKeyDown={(event) => {
                // Enter with no highlighted suggestion searches; with one, Combobox opens it.
                if (event.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) search(event);
              }}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={options.length === 0} aria-label={t.suggestions}>
            <Combobox.Options>
              {options.map((item) => (
                <Combobox.Option value={item.name} key={item.name}>
                  {item.title}
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <Button type="submit" size={size}>
          {t.searchButton}
        </Button>
      </Group>
    </form>
  );
}

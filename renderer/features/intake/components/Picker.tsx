import { useId, useState } from 'react';
import type { PickerItem } from '../../../../preload/contract';
import { matchPickerItems } from '../domain/picker-match';
import { FieldError } from '../../../shared/ui/FieldError';

export interface PickerProps<T extends PickerItem> {
  readonly label: string;
  readonly items: readonly T[];
  readonly value: string;
  readonly onPick: (item: T) => void;
  readonly recent?: readonly string[];
  readonly accept?: (item: T) => boolean;
  readonly placeholder?: string;
  readonly error?: string | undefined;
}

/**
 * A keyboard combobox: type Chinese, pinyin or initials, ↑/↓ to move, Enter to pick, Esc to close.
 * What is typed is a search, not a value: only a picked item changes the form.
 */
export const Picker = <T extends PickerItem>({
  label,
  items,
  value,
  onPick,
  recent,
  accept,
  placeholder,
  error,
}: PickerProps<T>) => {
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const selected = items.find((item) => item.code === value);
  const open = query !== null;
  const matches = open ? matchPickerItems(items, query, { recent: recent ?? [], ...(accept ? { accept } : {}) }) : [];
  const pick = (item: T | undefined): void => {
    if (!item) return;
    onPick(item);
    setQuery(null);
  };
  return (
    <div className={error ? 'field field--error picker' : 'field picker'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && matches[active] ? `${id}-${matches[active].code}` : undefined}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={open ? query : (selected?.path ?? '')}
        onFocus={() => {
          // Nothing highlighted until the agent types or moves: Enter on arrival must not pick a recent item.
          setQuery('');
          setActive(-1);
        }}
        onBlur={() => setQuery(null)}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          // Ctrl+Enter belongs to the form (submit), whatever is being searched.
          if (!open || event.ctrlKey || event.metaKey || event.altKey) return;
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, matches.length - 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
          else if (event.key === 'Enter') {
            if (!matches[active]) return;
            pick(matches[active]);
          } else if (event.key === 'Escape') setQuery(null);
          else return;
          event.preventDefault();
          event.stopPropagation();
        }}
      />
      {open && matches.length > 0 ? (
        <ul id={`${id}-list`} role="listbox" aria-label={label} className="picker__list">
          {matches.map((item, index) => (
            <li
              key={item.code}
              id={`${id}-${item.code}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'picker__option picker__option--active' : 'picker__option'}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(item);
              }}
            >
              {item.path}
            </li>
          ))}
        </ul>
      ) : null}
      <FieldError message={error} />
    </div>
  );
};

import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../src/text/error-message';
import { t } from '../../src/ui/i18n';

/**
 * A list kept in storage.local, with a status line. `save` writes the whole list and
 * shows `done`; if the write fails the list on screen and in storage stay as they were.
 */
export function useStoredList<T>(load: () => Promise<T[]>, store: (items: readonly T[]) => Promise<void>) {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => void load().then(setItems), []);
  const save = async (next: T[], done: string): Promise<void> => {
    try {
      await store(next);
      setItems(next);
      setStatus(done);
    } catch (error) {
      setStatus(t('options_not_saved_unchanged', errorMessage(error)));
    }
  };
  /** Removes one item, saying so. */
  const remove = (keep: (item: T) => boolean, done: string): void => void save(items.filter(keep), done);
  return { items, status, setStatus, save, remove };
}

/** A section's status line, shown while it has something to say; `class` is what tests and CSS select it by. */
export function Status({ text, class: className = 'status' }: { text: string; class?: string }) {
  return text ? (
    <p class={className} role="status">
      {text}
    </p>
  ) : null;
}

// One IndexedDB database opened once per context and shared by its callers; a failed
// open is tried again on the next call, and a context holding an older version (an
// options page left open) lets it go when another asks for the new one.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export function databaseOpener<Schema extends DBSchema>(
  name: string,
  version: number,
  upgrade: (database: IDBPDatabase<Schema>) => void,
): () => Promise<IDBPDatabase<Schema>> {
  let opening: Promise<IDBPDatabase<Schema>> | null = null;
  return () => {
    opening ??= openDB<Schema>(name, version, {
      upgrade,
      blocking() {
        void opening?.then((d) => d.close());
        opening = null;
      },
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
}

import { storage } from 'wxt/utils/storage';

// "Check credited sources automatically on these sites": the hosts the reader named, off
// (empty) by default. Kept in storage.local, read by the background at each check.
const autoCreditedSites = storage.defineItem<string[]>('local:autoCreditedSites', { fallback: [] });

export const loadAutoCreditedSites = (): Promise<string[]> => autoCreditedSites.getValue();
export const storeAutoCreditedSites = (sites: readonly string[]): Promise<void> =>
  autoCreditedSites.setValue([...sites]);

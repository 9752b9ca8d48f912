import { useLiveQuery } from 'dexie-react-hooks'

/**
 * A value read through repository calls that re-renders whenever the data it read changes.
 * `undefined` while loading. The UI never imports Dexie; this is its only live-query door.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  return useLiveQuery(query, [...deps])
}

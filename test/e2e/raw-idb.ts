import type { Page } from '@playwright/test'

/** The bits of the IndexedDB API the dump uses (the e2e project has no DOM types). */
type Req<T> = { result: T; error: unknown; onsuccess: () => void; onerror: () => void }
type RawDb = {
  objectStoreNames: ArrayLike<string>
  transaction(name: string): { objectStore(name: string): { getAll(): Req<unknown[]> } }
  close(): void
}

/**
 * Every row of every object store of the app's raw IndexedDB (below the encryption layer), bytes
 * decoded as text, as one string: what a lost laptop's disk would show.
 */
export async function rawDatabaseDump(page: Page): Promise<{ text: string; stores: string[] }> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { indexedDB: { open(name: string): Req<RawDb> } }
    const done = <T>(req: Req<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(new Error(String(req.error)))
      })
    const db = await done(g.indexedDB.open('hervat'))
    const stores = Array.from(db.objectStoreNames)
    const parts: string[] = []
    for (const name of stores) {
      const rows = await done(db.transaction(name).objectStore(name).getAll())
      parts.push(
        JSON.stringify(rows, (_k, v: unknown) =>
          v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
        ),
      )
    }
    db.close()
    return { text: parts.join('\n'), stores }
  })
}

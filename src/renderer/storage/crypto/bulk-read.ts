import Dexie, { type DBCoreTableSchema, type IndexableType, type Table } from 'dexie'
import type { HervatDb } from '../db'
import type { DataKeys } from './keys'
import { layoutFor, openRow, readSealedIn, type Layout } from './middleware'
import { policyFor } from './policy'
import { LockedError, type Vault } from './vault'

/**
 * Reading many whole tables fast on the encrypted database (docs/adr/0006, "bulk reads").
 *
 * The middleware decrypts inside the transaction and keeps it alive with dummy reads while
 * WebCrypto runs; that is needed when code reads again after an await, but for a read of whole
 * tables it serialises the work on IndexedDB round trips. Here the rows are read still sealed in
 * ONE read-only transaction (one consistent snapshot), and decrypted after it has finished, with
 * many `crypto.subtle.decrypt` calls in flight at once. Nothing changes for security: the sealed
 * rows never leave this function, every envelope is verified with its additional data (a tampered
 * or moved row still raises `DecryptionError`), and if the app locks meanwhile the result is
 * dropped with `LockedError`.
 */

type Tables = {
  [K in keyof HervatDb as HervatDb[K] extends Table<infer _T, string> ? K : never]: HervatDb[K]
}
type TableName = keyof Tables & string
type RowOf<K extends TableName> = Tables[K] extends Table<infer T, string> ? T : never

const layouts = new WeakMap<DBCoreTableSchema, Layout>()
function layoutOf(db: HervatDb, table: string): Layout {
  const schema = db.core.schema.tables.find((t) => t.name === table)
  if (!schema) throw new Error(`Onbekende tabel ${table}`)
  let layout = layouts.get(schema)
  if (!layout) {
    layout = layoutFor(schema, policyFor(table))
    layouts.set(schema, layout)
  }
  return layout
}

/**
 * Rows per read: each page is decrypted while IndexedDB reads the next one, so reading and
 * decrypting overlap instead of adding up.
 */
const PAGE = 1000

async function openAll(
  keys: DataKeys,
  layout: Layout,
  rows: readonly unknown[],
  vault: Vault,
): Promise<unknown[]> {
  return Promise.all(rows.map((r) => openRow(keys, layout, r, vault.strict)))
}

/**
 * Every row of `tables`, read in one read-only transaction and decrypted as it arrives, with
 * many AES-GCM calls in flight at once. On a database without encryption it is a plain read.
 */
export async function readTables<const N extends readonly TableName[]>(
  db: HervatDb,
  tables: N,
): Promise<{ [I in keyof N]: RowOf<N[I]>[] }> {
  const vault = db.vault
  const keys = vault?.keys()
  const names: readonly string[] = tables
  const opened = names.map((): Promise<unknown[]>[] => [])
  // Only Dexie promises inside the transaction (no native await): a page is read, handed to the
  // decryption (not awaited here), and the next page is asked for in the same success callback.
  await db.transaction('r', names, (tx) => {
    if (vault) readSealedIn(tx.idbtrans)
    return Dexie.Promise.all(
      names.map((name, i) => {
        const layout = layoutOf(db, name)
        const table = db.table<unknown, IndexableType>(name)
        const readFrom = (last: IndexableType | undefined): Dexie.Promise<void> =>
          (last === undefined ? table.orderBy(':id') : table.where(':id').above(last))
            .limit(PAGE)
            .toArray()
            .then((page) => {
              const open =
                vault && keys ? openAll(keys, layout, page, vault) : Promise.resolve(page)
              open.catch(() => undefined) // awaited below; this only silences an early rejection
              opened[i]?.push(open)
              const tail = page[page.length - 1]
              if (page.length < PAGE || tail === undefined) return undefined
              return readFrom(layout.primaryKey(tail as Record<string, unknown>) as IndexableType)
            })
        return readFrom(undefined)
      }),
    )
  })
  const pages = opened
  const open = await Promise.all(pages.map(async (p) => (await Promise.all(p)).flat()))
  // Locked (or locked and unlocked with other keys) while decrypting: show nothing.
  if (vault && (!vault.unlocked || vault.keys() !== keys)) throw new LockedError()
  return open as { [I in keyof N]: RowOf<N[I]>[] }
}

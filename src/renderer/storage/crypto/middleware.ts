import {
  type DBCore,
  type DBCoreCursor,
  type DBCoreTable,
  type DBCoreTableSchema,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie'
import {
  DecryptionError,
  isStoredRow,
  seal,
  unseal,
  type PlainRow,
  type StoredRow,
} from './envelope'
import { blindIndex, type DataKeys } from './keys'
import { blindIndexPurpose, policyFor, type TablePolicy } from './policy'
import type { Vault } from './vault'

/**
 * Encryption at rest as a Dexie DBCore middleware (docs/adr/0006). It sits at the top of the
 * stack: the repositories hand it decrypted rows and get decrypted rows back; everything below it
 * (Dexie's caches, hooks, IndexedDB) only ever sees `StoredRow`s.
 *
 * WebCrypto is asynchronous and not IndexedDB, so awaiting it inside a transaction would let the
 * transaction commit early. Each encrypt/decrypt therefore runs under the transaction's
 * `waitFor`, which keeps it alive with dummy requests until the crypto work has settled; the
 * repositories keep their checks, write and change entry in ONE transaction.
 */

export type Layout = {
  readonly table: string
  readonly plaintext: boolean
  /** Top-level fields that stay readable: primary key, indexed fields, `plain`, keyed hashes. */
  readonly plain: ReadonlySet<string>
  readonly blind: readonly (readonly [
    field: string,
    from: string,
    normalise: (v: string) => string,
  ])[]
  readonly primaryKey: (row: Readonly<Record<string, unknown>>) => unknown
  /** The keyed-hash fields: stored, verified, never handed up. */
  readonly blindFields: ReadonlySet<string>
}

function topLevel(keyPath: string | string[] | null): string[] {
  if (keyPath === null) return []
  return (Array.isArray(keyPath) ? keyPath : [keyPath]).map((p) => {
    if (p.includes('.'))
      throw new Error(
        `Versleuteling: index op genest veld "${p}" wordt niet ondersteund; indexeer een sleutel-hash.`,
      )
    return p
  })
}

export function layoutFor(schema: DBCoreTableSchema, policy: TablePolicy): Layout {
  const plaintext = policy.plaintext === true
  const blindSpec = policy.plaintext === true ? {} : (policy.blindIndexes ?? {})
  const plain = new Set<string>([
    ...topLevel(schema.primaryKey.keyPath),
    ...schema.indexes.flatMap((i) => topLevel(i.keyPath)),
    ...(policy.plaintext === true ? [] : (policy.plain ?? [])),
    ...Object.keys(blindSpec),
  ])
  for (const { from } of Object.values(blindSpec))
    if (plain.has(from))
      throw new Error(`Versleuteling: ${schema.name}.${from} is geïndexeerd maar gevoelig.`)
  const extract = schema.primaryKey.extractKey
  if (!plaintext && (!extract || schema.primaryKey.autoIncrement))
    throw new Error(`Versleuteling: tabel ${schema.name} heeft geen eigen primaire sleutel.`)
  return {
    table: schema.name,
    plaintext,
    plain,
    blind: Object.entries(blindSpec).map(([f, s]) => [f, s.from, s.normalise] as const),
    blindFields: new Set(Object.keys(blindSpec)),
    primaryKey: (row) => (extract ? extract(row) : undefined),
  }
}

/** Encrypts one decrypted row for storage. */
export async function sealRow(keys: DataKeys, layout: Layout, row: PlainRow): Promise<StoredRow> {
  const plain: Record<string, unknown> = {}
  const secret: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined || k === 'sealed') continue
    if (layout.plain.has(k)) plain[k] = v
    else secret[k] = v
  }
  for (const [field, from, normalise] of layout.blind) {
    const source = secret[from]
    if (typeof source === 'string' && source !== '')
      plain[field] = await blindIndex(
        keys,
        blindIndexPurpose(layout.table, field),
        normalise(source),
      )
    else delete plain[field]
  }
  return seal(keys, layout.table, layout.primaryKey(row), plain, secret)
}

/** Decrypts one stored row; keyed hashes are for the index only and are left out. */
export async function openRow(
  keys: DataKeys,
  layout: Layout,
  row: unknown,
  strict: boolean,
): Promise<PlainRow | undefined> {
  if (row === undefined || row === null) return undefined
  const record = row as Readonly<Record<string, unknown>>
  if (!isStoredRow(row)) {
    // Before the first unlock after the upgrade to v7, rows are still plaintext (the migration
    // encrypts them). After it, an unencrypted row can only have been planted.
    if (strict) throw new DecryptionError(layout.table, layout.primaryKey(record))
    return record as PlainRow
  }
  return unseal(keys, layout.table, layout.primaryKey(record), row, layout.blindFields)
}

/** Read-only transactions whose reads return the rows still sealed (crypto/bulk-read.ts). */
const sealedReads = new WeakSet<object>()

/**
 * Marks a read-only transaction: its reads return `StoredRow`s, which the caller decrypts after the
 * transaction with `openRow` (crypto/bulk-read.ts, the only caller). Reads still need the key:
 * locked, they fail as every read does.
 */
export function readSealedIn(trans: IDBTransaction): void {
  if (trans.mode !== 'readonly')
    throw new Error('Versleuteling: alleen een leestransactie mag versleutelde rijen lezen.')
  sealedReads.add(trans)
}

type Waiter = <T>(work: Promise<T>) => Promise<T>

type Spinner = { waiting: number; spinning: boolean; readonly queue: (() => void)[] }
const spinners = new WeakMap<IDBTransaction, Spinner>()

/**
 * Returns a function that keeps the call's IndexedDB transaction alive until `work` settles: the
 * technique of `Dexie.waitFor`, one spinner per transaction however many calls wait in it. While
 * anything waits, a dummy read keeps the transaction busy; each settled result is delivered from
 * inside an IndexedDB success callback, so the code after the `await` still runs while the
 * transaction is active and can issue its next request.
 *
 * The transaction may already be over when a call gets here: Dexie's cache middleware (below
 * this one) answers a query that is already in flight in another transaction with that query's
 * promise, so a read-only transaction that issued no request of its own has committed by the
 * time the rows arrive. Nothing can be kept alive then, and nothing needs to be: the result is
 * delivered as it settles (a later request in such a transaction fails in Dexie as it would
 * without encryption). Likewise if the dummy read fails (the transaction aborted): everything
 * waiting is delivered rather than left hanging.
 */
function waiter(trans: DBCoreTransaction): Waiter {
  const idb = trans as unknown as IDBTransaction
  return <T>(work: Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      let s = spinners.get(idb)
      if (!s) {
        s = { waiting: 0, spinning: false, queue: [] }
        spinners.set(idb, s)
      }
      const spinner = s
      const flush = () => {
        while (spinner.queue.length > 0) {
          spinner.waiting--
          spinner.queue.shift()?.()
        }
      }
      const settle = (deliver: () => void) => {
        if (spinner.spinning) {
          spinner.queue.push(deliver)
        } else {
          spinner.waiting--
          deliver()
        }
      }
      spinner.waiting++
      work.then(
        (value) => settle(() => resolve(value)),
        (error: unknown) =>
          settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
      )
      if (spinner.spinning) return
      let store: IDBObjectStore
      try {
        store = idb.objectStore(idb.objectStoreNames[0] ?? '')
      } catch {
        return // InvalidStateError: the transaction has finished; deliver as settled.
      }
      const stop = () => {
        spinner.spinning = false
        flush()
      }
      const spin = () => {
        flush()
        if (spinner.waiting === 0) {
          spinner.spinning = false
          return
        }
        try {
          const req = store.get(-Infinity)
          req.onsuccess = spin
          req.onerror = stop
        } catch {
          stop() // TransactionInactiveError: no request can be issued now.
        }
      }
      spinner.spinning = true
      spin()
    })
}

function wrapCursor(
  cursor: DBCoreCursor,
  open: (row: unknown) => Promise<unknown>,
  wait: Waiter,
): DBCoreCursor {
  let value: unknown
  const start = (onNext: () => void) =>
    cursor.start(() => {
      wait(open(cursor.value)).then(
        (v) => {
          value = v
          try {
            onNext()
          } catch (e) {
            cursor.fail(e instanceof Error ? e : new Error(String(e)))
          }
        },
        (e: unknown) => cursor.fail(e instanceof Error ? e : new Error(String(e))),
      )
    })
  const proxy: DBCoreCursor = new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value') return value
      if (prop === 'start') return start
      if (prop === 'next')
        return () => {
          let gotOne = 1
          return start(() => (gotOne-- ? target.continue() : target.stop())).then(() => proxy)
        }
      const v: unknown = Reflect.get(target, prop, target)
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    },
  })
  return proxy
}

function encryptingTable(down: DBCoreTable, layout: Layout, vault: Vault): DBCoreTable {
  const open = (keys: DataKeys, rows: readonly unknown[]) =>
    Promise.all(rows.map((r) => openRow(keys, layout, r, vault.strict)))
  /** Reads of a `readSealedIn` transaction pass through sealed; locked, they fail all the same. */
  const readSealed = (trans: DBCoreTransaction) => {
    if (!sealedReads.has(trans)) return false
    vault.keys()
    return true
  }
  return {
    ...down,
    mutate: async (req) => {
      if (req.type !== 'add' && req.type !== 'put') return down.mutate(req)
      const wait = waiter(req.trans)
      const keys = vault.keys()
      const values = await wait(
        Promise.all(req.values.map((v) => sealRow(keys, layout, v as PlainRow))),
      )
      if (req.type === 'add') return down.mutate({ ...req, values })
      // Drop the change specs: they would carry plaintext below this layer; `values` is complete.
      const { updates: _u, changeSpec: _c, criteria: _r, ...rest } = req
      return down.mutate({ ...rest, values })
    },
    get: async (req) => {
      if (readSealed(req.trans)) return down.get(req)
      const wait = waiter(req.trans)
      const keys = vault.keys()
      const row: unknown = await down.get(req)
      return row === undefined ? undefined : wait(openRow(keys, layout, row, vault.strict))
    },
    getMany: async (req) => {
      if (readSealed(req.trans)) return down.getMany(req)
      const wait = waiter(req.trans)
      const keys = vault.keys()
      const rows: unknown[] = await down.getMany(req)
      return wait(open(keys, rows))
    },
    query: async (req) => {
      if (!req.values) return down.query(req)
      if (readSealed(req.trans)) return down.query(req)
      const wait = waiter(req.trans)
      const keys = vault.keys()
      const res = await down.query(req)
      return { ...res, result: await wait(open(keys, res.result)) }
    },
    openCursor: async (req) => {
      if (!req.values) return down.openCursor(req)
      if (readSealed(req.trans)) return down.openCursor(req)
      const wait = waiter(req.trans)
      const keys = vault.keys()
      const cursor = await down.openCursor(req)
      if (!cursor) return null
      return wrapCursor(cursor, (row) => openRow(keys, layout, row, vault.strict), wait)
    },
  }
}

/** The middleware for `db.use(...)`: encrypts every table by its policy (see policy.ts). */
export function encryptionMiddleware(vault: Vault): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'HervatEncryption',
    level: 10,
    create: (down) => {
      const layouts = new Map<string, Layout>()
      for (const t of down.schema.tables) layouts.set(t.name, layoutFor(t, policyFor(t.name)))
      return {
        ...down,
        table: (name) => {
          const table = down.table(name)
          const layout = layouts.get(name)
          return !layout || layout.plaintext ? table : encryptingTable(table, layout, vault)
        },
      }
    },
  }
}

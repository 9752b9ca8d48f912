import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { freshRepos } from './test-support'
import { LEGACY_CASEMANAGER_KEY, lastCasemanager } from './last-casemanager'

const memoryStorage = (initial: Record<string, string>) => {
  const items = new Map(Object.entries(initial))
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    removeItem: (k: string) => void items.delete(k),
  }
}

/** `sealedMeta` as stored, read without the encryption layer. */
async function rawSealedMeta(ctx: ReturnType<typeof freshRepos>) {
  const raw = new Dexie(ctx.db.name)
  await raw.open()
  const rows: unknown[] = await raw.table('sealedMeta').toArray()
  raw.close()
  return JSON.stringify(rows, (_k, v: unknown) =>
    v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
  )
}

describe('the default casemanager of a new dossier', () => {
  it('moves a name an earlier version left in localStorage into sealed storage', async () => {
    const ctx = freshRepos()
    const storage = memoryStorage({ [LEGACY_CASEMANAGER_KEY]: 'Petra Visser' })
    expect(await lastCasemanager(ctx.repos.settings, storage)).toBe('Petra Visser')
    expect(storage.items.has(LEGACY_CASEMANAGER_KEY)).toBe(false)
    expect(await lastCasemanager(ctx.repos.settings, storage)).toBe('Petra Visser')
    const raw = await rawSealedMeta(ctx)
    expect(raw).toContain('settings.lastCasemanager')
    expect(raw).not.toContain('Petra Visser')
  })

  it('remembers the last one entered; an empty name forgets it', async () => {
    const { repos } = freshRepos()
    const storage = memoryStorage({})
    expect(await lastCasemanager(repos.settings, storage)).toBe('')
    await repos.settings.rememberCasemanager('  Jeroen Bakker ')
    expect(await lastCasemanager(repos.settings, storage)).toBe('Jeroen Bakker')
    // A name already in sealed storage is newer than one left behind by an old version.
    storage.items.set(LEGACY_CASEMANAGER_KEY, 'Oude Naam')
    expect(await lastCasemanager(repos.settings, storage)).toBe('Jeroen Bakker')
    await repos.settings.rememberCasemanager('')
    expect(await lastCasemanager(repos.settings, storage)).toBe('')
  })
})

import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isoDate } from '../../shared/kernel/iso-date'
import { generateDossiers } from './bulk-generate'
import { HervatDb } from './db'
import { createRepositories } from './repositories'
import { checkSickPeriods } from './sick-period-rules'
import { freshRepos } from './test-support'

const today = isoDate('2026-11-20')

describe('generateDossiers', () => {
  it('is deterministic for a seed', async () => {
    const a = freshRepos()
    const b = freshRepos()
    await generateDossiers(a.db, 50, today, 7)
    await generateDossiers(b.db, 50, today, 7)
    expect(await b.db.sickPeriods.toArray()).toEqual(await a.db.sickPeriods.toArray())
    expect(await b.db.employees.toArray()).toEqual(await a.db.employees.toArray())
  })

  it('makes periods the repositories would accept: ordered, apart, only the last open, none ending after today', async () => {
    const { db, repos } = freshRepos()
    await generateDossiers(db, 300, today)
    for (const d of await repos.dossiers.list()) {
      const periods = await repos.sickPeriods.listByDossier(d.id)
      expect(periods.length).toBeGreaterThanOrEqual(1)
      expect(periods.length).toBeLessThanOrEqual(5)
      for (const [i, p] of periods.entries())
        expect(checkSickPeriods(p, periods.slice(0, i), today)).toEqual({ ok: true, value: true })
    }
  })

  it('5,000 dossiers: bulk insert and the caseload in one pass', async () => {
    // Without the encryption layer: this guards the shape of the work (one pass, no per-dossier
    // queries) on fake-indexeddb. What encryption costs is measured in Chromium by
    // `npm run bench -- caseload`, on the encrypted database.
    const db = new HervatDb(`bulk-${Math.random().toString(36).slice(2)}`)
    const repos = createRepositories(db)
    const started = performance.now()
    await generateDossiers(db, 5000, today)
    const generated = performance.now() - started
    const rows = await repos.caseload.list()
    const listed = performance.now() - started - generated
    expect(rows).toHaveLength(5000)
    expect(rows.every((r) => r.firstSickDay && r.sickPeriods.length > 0)).toBe(true)
    // fake-indexeddb is far slower than Chromium's IndexedDB; this guards against per-dossier work.
    expect(generated).toBeLessThan(20_000)
    expect(listed).toBeLessThan(10_000)
  }, 60_000)
})

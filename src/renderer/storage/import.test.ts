import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { autoMap } from '../../shared/import/columns'
import { planImport, type ExistingData } from '../../shared/import/plan'
import { employerInput, freshRepos } from './test-support'

const header = [
  'Werkgever',
  'Voornaam',
  'Achternaam',
  'BSN',
  'Geboortedatum',
  'Functie',
  'Uren',
  'In dienst sinds',
]
const row = (bsn: string, first: string, hours = '32') => [
  '12345678',
  first,
  'Jansen',
  bsn,
  '01-01-1990',
  'Bakker',
  hours,
  '01-01-2020',
]

async function setup() {
  const t = freshRepos()
  const w = await t.repos.employers.create({ ...employerInput, kvkNumber: '12345678' })
  if (!w.ok) throw new Error(w.error.message)
  const existing = async (): Promise<ExistingData> => ({
    employers: await t.repos.employers.list(),
    employees: await t.repos.employees.list(),
  })
  const plan = async (rows: string[][]) =>
    planImport('werknemers', header, rows, autoMap('werknemers', header), await existing())
  return { ...t, plan }
}

describe('applying an import', () => {
  it('writes every valid row in one go, skips the invalid ones, and audits the import once', async () => {
    const { db, repos, plan } = await setup()
    const p = await plan([
      row('123456782', 'Ali'),
      row('123456789', 'Fout'),
      row('999999990', 'Eva'),
    ])
    expect(p.counts).toMatchObject({ create: 2, invalid: 1 })
    const r = await repos.imports.apply(p, { updateExisting: false, fileName: 'w.csv' })
    expect(r).toEqual({ ok: true, value: { created: 2, updated: 0 } })
    expect((await repos.employees.list()).map((e) => e.firstName).sort()).toEqual(['Ali', 'Eva'])
    expect(await repos.employees.findByBsn('123456782')).toHaveLength(1)
    const audit = (await repos.audit.list()).filter((e) => e.action === 'import')
    expect(audit.map((e) => e.detail)).toEqual(['w.csv: 2 nieuw, 0 bijgewerkt'])
    // Both werknemers are in the sync outbox, every field once, with the field states beside.
    const ids = (await repos.employees.list()).map((e) => e.id).sort()
    const outbox = (await db.outbox.toArray()).filter((c) => c.table === 'employees')
    expect([...new Set(outbox.map((c) => c.recordId))].sort()).toEqual(ids)
    expect(outbox.filter((c) => c.field === 'lastName')).toHaveLength(2)
    const states = (await db.fieldStates.toArray()).filter((x) => x.recordId === ids[0])
    expect(states.map((x) => x.field)).toContain('bsn')
    expect(new Set(outbox.map((c) => c.hlc)).size).toBe(outbox.length)
  })

  it('is idempotent: the same file again changes nothing and writes no change entries', async () => {
    const { repos, plan } = await setup()
    const rows = [row('123456782', 'Ali'), row('999999990', 'Eva')]
    await repos.imports.apply(await plan(rows), { updateExisting: true, fileName: 'w.csv' })
    const changes = await repos.changes.count()
    const again = await plan(rows)
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2 })
    expect(await repos.imports.apply(again, { updateExisting: true, fileName: 'w.csv' })).toEqual({
      ok: true,
      value: { created: 0, updated: 0 },
    })
    expect(await repos.changes.count()).toBe(changes)
  })

  it('updates a known BSN only after confirmation', async () => {
    const { repos, plan } = await setup()
    await repos.imports.apply(await plan([row('123456782', 'Ali')]), {
      updateExisting: false,
      fileName: 'a.csv',
    })
    const p = await plan([row('123456782', 'Ali', '36')])
    expect(p.rows[0]?.changedFields).toEqual(['contractHoursPerWeek'])
    await repos.imports.apply(p, { updateExisting: false, fileName: 'b.csv' })
    expect((await repos.employees.list())[0]?.contractHoursPerWeek).toBe(32)
    await repos.imports.apply(p, { updateExisting: true, fileName: 'b.csv' })
    expect((await repos.employees.list())[0]?.contractHoursPerWeek).toBe(36)
  })

  it('undoes everything when a matched record was removed after the preview', async () => {
    const { db, repos, plan } = await setup()
    await repos.imports.apply(await plan([row('123456782', 'Ali')]), {
      updateExisting: false,
      fileName: 'a.csv',
    })
    const p = await plan([row('999999990', 'Eva'), row('123456782', 'Ali', '20')])
    // Someone removes Ali between the preview and the import (e.g. a sync that revoked it).
    await db.employees.clear()
    const changes = await repos.changes.count()
    const r = await repos.imports.apply(p, { updateExisting: true, fileName: 'c.csv' })
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.error.message).toBe(
      'Er is niets geïmporteerd: regel 3: de bestaande gegevens zijn verwijderd. Lees het bestand opnieuw in.',
    )
    expect(await repos.employees.list()).toHaveLength(0)
    expect(await repos.changes.count()).toBe(changes)
  })
})

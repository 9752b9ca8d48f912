import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { freshRepos, seedDossier } from './test-support'

describe('ziekteperiodes', () => {
  it('refuses a last sick day before the first and stores nothing', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const before = await repos.changes.count()
    const r = await repos.sickPeriods.create(dossier.id, { start: '06-01-2025', end: '05-01-2025' })
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'validation',
      field: 'end',
      message: 'De laatste ziektedag ligt voor de eerste ziektedag.',
    })
    expect(await repos.sickPeriods.listByDossier(dossier.id)).toHaveLength(0)
    expect(await repos.changes.count()).toBe(before)
  })

  it('refuses overlap at the field start, naming the other period', async () => {
    const { repos } = freshRepos('2025-03-01T10:00:00.000Z')
    const { dossier } = await seedDossier(repos)
    expect(
      (await repos.sickPeriods.create(dossier.id, { start: '06-01-2025', end: '20-01-2025' })).ok,
    ).toBe(true)
    const overlap = await repos.sickPeriods.create(dossier.id, {
      start: '15-01-2025',
      end: '25-01-2025',
    })
    expect(overlap.ok ? undefined : overlap.error).toEqual({
      kind: 'validation',
      field: 'start',
      message: 'Deze periode overlapt met de ziekteperiode van 06-01-2025 t/m 20-01-2025.',
    })
    // Touching is overlap too (the end day is a sick day); the next day is not.
    const touching = await repos.sickPeriods.create(dossier.id, { start: '20-01-2025' })
    expect(touching.ok ? undefined : touching.error).toMatchObject({ field: 'start' })
    expect((await repos.sickPeriods.create(dossier.id, { start: '21-01-2025' })).ok).toBe(true)
  })

  it('only the latest period may be open (field end)', async () => {
    const { repos } = freshRepos('2025-03-01T10:00:00.000Z')
    const { dossier } = await seedDossier(repos)
    await repos.sickPeriods.create(dossier.id, { start: '06-01-2025', end: '20-01-2025' })
    const openEarlier = await repos.sickPeriods.create(dossier.id, { start: '01-12-2024' })
    expect(openEarlier.ok ? undefined : openEarlier.error).toMatchObject({
      field: 'end',
      message: expect.stringContaining('Alleen de laatste ziekteperiode mag open zijn'),
    })
    const open = await repos.sickPeriods.create(dossier.id, { start: '10-02-2025' })
    if (!open.ok) throw new Error(open.error.message)
    // A period after the open one would overlap it: the message says which to close first.
    const after = await repos.sickPeriods.create(dossier.id, {
      start: '20-02-2025',
      end: '22-02-2025',
    })
    expect(after.ok ? undefined : after.error).toMatchObject({
      field: 'start',
      message: expect.stringContaining('10-02-2025, die nog open is'),
    })
    // Reopening the earlier, closed period while a later one exists is refused as well.
    const periods = await repos.sickPeriods.listByDossier(dossier.id)
    const reopen = await repos.sickPeriods.update(periods[0]?.id ?? '', { start: '06-01-2025' })
    expect(reopen.ok ? undefined : reopen.error).toMatchObject({ field: 'end' })
    // Closing the open one is an update of itself, not an overlap with itself.
    expect(
      (await repos.sickPeriods.update(open.value.id, { start: '10-02-2025', end: '28-02-2025' }))
        .ok,
    ).toBe(true)
  })

  it('refuses a recovery in the future (field end), accepts today', async () => {
    const { repos } = freshRepos('2025-03-01T10:00:00.000Z')
    const { dossier } = await seedDossier(repos)
    const future = await repos.sickPeriods.create(dossier.id, {
      start: '10-02-2025',
      end: '02-03-2025',
    })
    expect(future.ok ? undefined : future.error).toMatchObject({
      field: 'end',
      message: expect.stringContaining(
        'Een herstel wordt geregistreerd als het heeft plaatsgevonden.',
      ),
    })
    expect(
      (await repos.sickPeriods.create(dossier.id, { start: '10-02-2025', end: '01-03-2025' })).ok,
    ).toBe(true)
  })

  it('today is the day in Amsterdam, not in UTC', async () => {
    // 23:30 UTC on 28 Feb is already 1 March in Amsterdam.
    const { repos } = freshRepos('2025-02-28T23:30:00.000Z')
    const { dossier } = await seedDossier(repos)
    const r = await repos.sickPeriods.create(dossier.id, { start: '10-02-2025', end: '01-03-2025' })
    expect(r.ok).toBe(true)
  })
})

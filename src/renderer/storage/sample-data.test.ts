import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isValidBsn } from '../../shared/domain/bsn'
import { POLICY_PROFILE_IDS } from '../../shared/domain/policy-profile'
import { daysBetween, isoDate } from '../../shared/kernel/iso-date'
import { loadSampleData } from './sample-data'
import { freshRepos } from './test-support'

const today = isoDate('2026-11-20')

/** Words that would betray medical information in a summary (domain §5.2, §5.3). */
const MEDICAL =
  /diagnos|klacht|pijn|depress|burn-?out|hernia|kanker|psych|operatie|fysio|medicij|therap|zwanger|ziekte van/i

describe('sample data', () => {
  it('loads twenty fictional dossiers through the repositories, all valid', async () => {
    const { repos } = freshRepos()
    expect(await loadSampleData(repos, today)).toEqual({ dossiers: 20 })
    const employers = await repos.employers.list()
    expect(employers).toHaveLength(6)
    expect(new Set(employers.map((e) => e.policyProfile))).toEqual(new Set(POLICY_PROFILE_IDS))
    for (const e of employers) {
      expect(e.kvkNumber).toMatch(/^\d{8}$/)
      expect(e.loonheffingennummer).toMatch(/^\d{9}L\d{2}$/)
      expect(e.address.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/)
    }
    const rows = await repos.caseload.list()
    expect(rows).toHaveLength(20)
    expect(rows.every((row) => isValidBsn(row.bsn))).toBe(true)
    expect(new Set(rows.map((r) => r.bsn)).size).toBe(20)
    // A restore of the same data passes every schema and reference check.
    const restored = await repos.backup.importAll(await repos.backup.exportAll())
    expect(restored.ok).toBe(true)
  })

  it('covers every stage of the 104 weeks and the special cases', async () => {
    const { repos } = freshRepos()
    await loadSampleData(repos, today)
    const rows = await repos.caseload.list()
    const sickDays = rows
      .filter((r) => r.openSickPeriod && r.sickPeriods.length === 1)
      .map((r) => daysBetween(r.sickPeriods[0]?.start ?? today, today))
    const has = (from: number, to: number) => sickDays.some((d) => d >= from && d <= to)
    expect(has(0, 6)).toBe(true) // just reported, week 1
    expect(has(35, 48)).toBe(true) // around week 6: probleemanalyse
    expect(has(50, 70)).toBe(true) // week 8: plan van aanpak
    expect(has(280, 300)).toBe(true) // near week 42
    expect(has(350, 370)).toBe(true) // near week 52
    expect(has(620, 645)).toBe(true) // near week 91
    expect(rows.filter((r) => r.status === 'hersteld' && !r.openSickPeriod)).toHaveLength(2)
    const samentelling = rows.find((r) => r.sickPeriods.length === 2)
    const [p1, p2] = samentelling?.sickPeriods ?? []
    expect(p1?.end && p2 && daysBetween(p1.end, p2.start) - 1).toBe(10)
    expect(rows.some((r) => r.leaves.length > 0)).toBe(true)
    expect(rows.some((r) => r.marks.some((m) => m.state === 'waived' && m.motivation))).toBe(true)
    // Week 6 without a probleemanalyse yet; week 8 with one but no plan van aanpak yet.
    const week6 = rows.find(
      (r) => r.sickPeriods[0] && daysBetween(r.sickPeriods[0].start, today) === 45,
    )
    expect(week6?.marks).toEqual([])
    const week8 = rows.find(
      (r) => r.sickPeriods[0] && daysBetween(r.sickPeriods[0].start, today) === 54,
    )
    expect(week8?.marks.map((m) => m.key)).toEqual(['probleemanalyse'])

    let partial = 0
    let interventions = 0
    let lateCancellation = false
    for (const row of rows) {
      const full = await repos.dossiers.getFull(row.dossierId)
      if (!full) throw new Error('missing dossier')
      expect(full.contacts.length).toBeGreaterThanOrEqual(2)
      for (const c of full.contacts) {
        expect(c.date <= today).toBe(true)
        expect(c.summary).not.toMatch(MEDICAL)
      }
      partial += full.partialRecoveries.filter((p) => p.hoursPerWeek > 0).length
      interventions += full.interventions.filter((i) => (i.quotedCostEuros ?? 0) > 0).length
      for (const a of full.appointments) {
        if (a.status !== 'geannuleerd' || !a.cancelledAt) continue
        const hours = (Date.parse(a.startsAt) - Date.parse(a.cancelledAt)) / 3_600_000
        if (hours > 0 && hours < 24) lateCancellation = true
      }
      for (const text of [
        ...full.interventions.map((i) => i.note ?? ''),
        ...full.milestoneMarks.map((m) => m.motivation ?? ''),
      ])
        expect(text).not.toMatch(MEDICAL)
    }
    expect(partial).toBeGreaterThanOrEqual(2)
    expect(interventions).toBeGreaterThanOrEqual(2)
    expect(lateCancellation).toBe(true)
  })

  it('is the same every time for the same day', async () => {
    const a = freshRepos()
    const b = freshRepos()
    await loadSampleData(a.repos, today)
    await loadSampleData(b.repos, today)
    // The data; the backup's sync versions carry each database's own node id and change ids.
    const data = async (r: typeof a) =>
      JSON.stringify(
        (
          JSON.parse(new TextDecoder().decode(await r.repos.backup.exportAll())) as {
            tables: unknown
          }
        ).tables,
      )
    expect(await data(b)).toBe(await data(a))
  })
})

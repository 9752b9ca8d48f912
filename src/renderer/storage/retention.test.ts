import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { dossierRefOf } from '../../shared/audit/chain'
import { isoDate } from '../../shared/kernel/iso-date'
import { freshRepos, seedDossier } from './test-support'

const today = isoDate('2026-11-20')
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`)
const attachmentMeta = (title: string, markedMedical = false) => ({
  title,
  source: 'bedrijfsarts',
  kind: 'probleemanalyse',
  receivedOn: '14-02-2023',
  markedMedical,
})

/** A dossier whose re-integration ended on 1 March 2024: expired since 2 March 2026. */
async function expiredDossier(repos: ReturnType<typeof freshRepos>['repos']) {
  const seeded = await seedDossier(repos)
  const { dossier } = seeded
  const sp = await repos.sickPeriods.create(dossier.id, { start: '02-01-2023', end: '29-02-2024' })
  if (!sp.ok) throw new Error(sp.error.message)
  const upd = await repos.dossiers.update(dossier.id, {
    ...dossier,
    status: 'hersteld',
    reintegrationCompletedOn: '01-03-2024',
  })
  if (!upd.ok) throw new Error(upd.error.message)
  const c = await repos.contacts.create(dossier.id, {
    date: '01-02-2023',
    kind: 'gesprek',
    participants: 'werknemer',
    summary: 'Afspraken over opbouw.',
  })
  if (!c.ok) throw new Error(c.error.message)
  return seeded
}

describe('retention and erasure', () => {
  it('lists a dossier past its term as expired, and an active one as open', async () => {
    const { repos } = freshRepos()
    const { dossier } = await expiredDossier(repos)
    const rows = await repos.retention.list(today)
    expect(rows).toEqual([
      expect.objectContaining({
        dossierId: dossier.id,
        employeeName: 'Sanne de Vries',
        retention: expect.objectContaining({ state: 'expired', since: '2026-03-02' }),
      }),
    ])
    expect((await repos.retention.get(dossier.id, isoDate('2026-01-01')))?.state).toBe('retained')
  })

  it('erases the dossier, its records, unused contents, change entries and werknemer; leaves one anonymous stub', async () => {
    const { db, repos } = freshRepos()
    await repos.settings.update({ userName: 'Petra Visser' })
    const { dossier, employee, employer } = await expiredDossier(repos)
    const att = await repos.attachments.add(dossier.id, attachmentMeta('PA'), {
      name: 'pa.pdf',
      mimeType: 'application/pdf',
      data: pdf('alleen hier'),
    })
    if (!att.ok) throw new Error(att.error.message)
    // Another werknemer's dossier shares one attachment content: that content must stay.
    const other = await repos.employees.create({
      employerId: employer.id,
      firstName: 'Kees',
      lastName: 'Bakker',
      bsn: '123456782',
      dateOfBirth: '01-01-1980',
      address: {},
      jobTitle: 'Chauffeur',
      contractHoursPerWeek: '40',
      employmentStart: '01-01-2010',
    })
    if (!other.ok) throw new Error(other.error.message)
    const od = await repos.dossiers.create({
      employeeId: other.value.id,
      casemanager: 'Petra Visser',
      arbodienst: {},
      bedrijfsarts: {},
      status: 'actief',
    })
    if (!od.ok) throw new Error(od.error.message)
    const shared = pdf('gedeeld')
    await repos.attachments.add(dossier.id, attachmentMeta('Brief'), {
      name: 'b.pdf',
      mimeType: '',
      data: shared,
    })
    await repos.attachments.add(od.value.id, attachmentMeta('Brief'), {
      name: 'b.pdf',
      mimeType: '',
      data: shared,
    })
    const auditBefore = await db.audit.toArray()

    const wrong = await repos.retention.erase(dossier.id, 'Sanne', today)
    expect(wrong.ok ? undefined : wrong.error).toMatchObject({ field: 'confirmation' })
    expect(await db.dossiers.get(dossier.id)).toBeDefined()

    const r = await repos.retention.erase(dossier.id, ' sanne de vries ', today)
    expect(r).toEqual({ ok: true, value: { records: 6, blobs: 1, changes: expect.any(Number) } })
    expect(await db.dossiers.get(dossier.id)).toBeUndefined()
    expect(await db.employees.get(employee.id)).toBeUndefined()
    expect(await db.employers.get(employer.id)).toBeDefined()
    for (const t of ['sickPeriods', 'contacts', 'attachments'] as const)
      expect(await db.table(t).where('dossierId').equals(dossier.id).count()).toBe(0)
    expect(await db.blobs.count()).toBe(1)
    expect(await repos.attachments.listByDossier(od.value.id)).toHaveLength(1)
    // Change log: only content-free delete markers remain of this dossier and werknemer.
    const left = [
      ...(await repos.changes.forDossier(dossier.id)),
      ...(await repos.changes.forRecord(employee.id)),
    ]
    expect(left.length).toBeGreaterThan(0)
    for (const c of left) expect(c).toMatchObject({ op: 'delete', fields: {} })
    expect(left.some((c) => c.previous)).toBe(false)
    const log = JSON.stringify(await repos.changes.list())
    expect(log).not.toContain('de Vries')
    expect(log).not.toContain(employee.bsn)
    // The trail kept every earlier entry and got one stub: hash of the id, who, when.
    const after = await db.audit.toArray()
    for (const e of auditBefore) expect(after).toContainEqual(e)
    const stub = after.find((e) => e.action === 'erase' && e.outcome === 'success')
    expect(stub).toMatchObject({
      objectType: 'dossiers',
      dossierRef: dossierRefOf(dossier.id),
      actorName: 'Petra Visser',
      at: '2026-11-20T10:00:00.000Z',
    })
    expect(stub?.dossierId).toBeUndefined()
    expect(stub?.objectId).toBeUndefined()
    expect(JSON.stringify(after)).not.toContain('de Vries')
    expect((await repos.audit.verify()).ok).toBe(true)
    expect(await repos.retention.list(today)).toEqual([
      expect.objectContaining({ dossierId: od.value.id }),
    ])
  })

  it('refuses to erase a dossier on legal hold (and logs the refusal) until the hold is lifted', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await expiredDossier(repos)
    const bad = await repos.retention.setLegalHold(dossier.id, {
      kind: 'bezwaar',
      reason: '',
      since: '01-10-2026',
    })
    expect(bad.ok ? undefined : bad.error).toMatchObject({
      field: 'reason',
      message: 'Dit veld is verplicht.',
    })
    const held = await repos.retention.setLegalHold(dossier.id, {
      kind: 'bezwaar',
      reason: 'Bezwaar tegen WIA-beslissing, zaaknummer 123',
      since: '01-10-2026',
    })
    expect(held.ok).toBe(true)
    expect((await repos.retention.get(dossier.id, today))?.state).toBe('hold')
    // The dossier form does not lift a hold.
    const d = (await repos.dossiers.get(dossier.id))!
    await repos.dossiers.update(dossier.id, { ...d, casemanager: 'Jan de Boer' })
    expect((await repos.dossiers.get(dossier.id))?.legalHold?.kind).toBe('bezwaar')

    const r = await repos.retention.erase(dossier.id, 'Sanne de Vries', today)
    expect(r.ok ? undefined : r.error).toMatchObject({ kind: 'validation', field: 'legalHold' })
    expect(r.ok ? '' : r.error.message).toContain('juridische blokkade')
    expect(await db.dossiers.get(dossier.id)).toBeDefined()
    expect((await repos.audit.forDossier(dossier.id))[0]).toMatchObject({
      action: 'erase',
      outcome: 'refused',
    })

    expect((await repos.retention.setLegalHold(dossier.id, null)).ok).toBe(true)
    expect((await repos.dossiers.get(dossier.id))?.legalHold).toBeUndefined()
    expect((await repos.retention.erase(dossier.id, 'Sanne de Vries', today)).ok).toBe(true)
  })

  it('refuses to erase a dossier whose term has not passed', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const r = await repos.retention.erase(dossier.id, 'Sanne de Vries', today)
    expect(r.ok ? undefined : r.error).toMatchObject({ field: 'retention' })
  })

  it('keeps a legal hold through a backup and restore', async () => {
    const { repos } = freshRepos()
    const { dossier } = await expiredDossier(repos)
    await repos.retention.setLegalHold(dossier.id, {
      kind: 'rechtszaak',
      reason: 'Kantonrechter',
      since: '01-10-2026',
    })
    expect((await repos.backup.importAll(await repos.backup.exportAll())).ok).toBe(true)
    expect((await repos.dossiers.get(dossier.id))?.legalHold).toEqual({
      kind: 'rechtszaak',
      reason: 'Kantonrechter',
      since: '2026-10-01',
    })
  })
})

describe('exports refuse medical attachments', () => {
  it('refuses the backup with a Dutch message naming the document, and logs the refusal', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const a = await repos.attachments.add(dossier.id, attachmentMeta('Brief specialist', true), {
      name: 'x.pdf',
      mimeType: 'application/pdf',
      data: pdf('x'),
    })
    if (!a.ok) throw new Error(a.error.message)
    const r = await repos.backup.exportChecked()
    expect(r.ok ? undefined : r.error.message).toBe(
      'De back-up is geweigerd: een bijlage is als medisch gemarkeerd (“Brief specialist”). Medische stukken mogen Hervat niet verlaten. Verwijder ze, of haal het vinkje ‘medisch’ weg als het onterecht is gezet.',
    )
    expect((await repos.audit.list())[0]).toMatchObject({
      action: 'export',
      objectType: 'backup',
      outcome: 'refused',
    })
    // Unmarked, its title is exported, so the privacy guard reads it: reworded, it may go.
    const unmarked = await repos.attachments.update(
      a.value.id,
      attachmentMeta('Brief specialist', false),
    )
    expect(unmarked.ok ? undefined : unmarked.error).toMatchObject({ field: 'title' })
    await repos.attachments.update(a.value.id, attachmentMeta('Brief van de werkgever', false))
    expect((await repos.backup.exportChecked()).ok).toBe(true)
  })
})

import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isoDate } from '../../shared/kernel/iso-date'
import { generateDossiers } from './bulk-generate'
import { DATA_TABLES } from './db'
import { loadSampleData } from './sample-data'
import { CURRENT_VERSION } from './schema'
import { freshRepos, seedDossier } from './test-support'

type Doc = {
  format: string
  version: number
  exportedAt: string
  tables: Record<string, Record<string, unknown>[]>
}
const decode = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as Doc
const encode = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc))

async function withData() {
  const ctx = freshRepos()
  const { dossier } = await seedDossier(ctx.repos)
  await ctx.repos.sickPeriods.create(dossier.id, { start: '2025-01-06', end: '2025-01-20' })
  await ctx.repos.sickPeriods.create(dossier.id, { start: '2025-02-03' })
  await ctx.repos.attachments.add(
    dossier.id,
    { title: 'PA', source: 'bedrijfsarts', kind: 'probleemanalyse', receivedOn: '2025-02-10' },
    {
      name: 'pa.pdf',
      mimeType: 'application/pdf',
      data: new TextEncoder().encode('%PDF-1.4 inhoud'),
    },
  )
  return ctx
}

/** Every table's rows, read straight from the database (blobs as bytes). */
async function snapshot(db: ReturnType<typeof freshRepos>['db']) {
  const out: Record<string, unknown[]> = {}
  for (const t of [...DATA_TABLES, 'blobs', 'changes'] as const)
    out[t] = await db.table(t).toArray()
  return out
}

describe('backup', () => {
  it('writes the documented format', async () => {
    const { repos } = await withData()
    const doc = decode(await repos.backup.exportAll())
    expect(doc).toMatchObject({
      format: 'hervat-backup',
      version: CURRENT_VERSION,
      exportedAt: '2026-11-20T10:00:00.000Z',
    })
    expect(Object.keys(doc.tables).sort()).toEqual([...DATA_TABLES, 'blobs'].sort())
    expect(doc.tables['blobs']?.[0]).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      base64: btoa('%PDF-1.4 inhoud'),
    })
  })

  it('export, wipe, import gives back identical data, attachments byte for byte', async () => {
    const { db, repos } = await withData()
    const before = await snapshot(db)
    const file = await repos.backup.exportAll()
    await repos.backup.wipe()
    for (const rows of Object.values(await snapshot(db))) expect(rows).toHaveLength(0)
    const r = await repos.backup.importAll(file)
    expect(r.ok ? r.value.counts : r.error).toEqual({
      employers: 1,
      employees: 1,
      dossiers: 1,
      sickPeriods: 2,
      partialRecoveries: 0,
      leaves: 0,
      contacts: 0,
      interventions: 0,
      appointments: 0,
      attachments: 1,
      milestoneMarks: 0,
      documents: 0,
      documentSignatures: 0,
      blobs: 1,
    })
    const after = await snapshot(db)
    for (const t of DATA_TABLES) expect(after[t]).toEqual(before[t])
    expect(after['blobs']).toEqual(before['blobs'])
    const blob = (after['blobs'] as { data: Uint8Array }[])[0]
    expect(blob?.data).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(blob?.data)).toBe('%PDF-1.4 inhoud')
    // The second export is the first, apart from its moment.
    const again = decode(await repos.backup.exportAll())
    expect(again.tables).toEqual(decode(file).tables)
    // The restore is one change entry (the wipe cleared the log).
    expect(after['changes']).toEqual([
      expect.objectContaining({
        seq: 1,
        table: 'backup',
        op: 'create',
        fields: expect.objectContaining({ version: CURRENT_VERSION }),
      }),
    ])
  })

  it('an import keeps the change log and appends the restore to it', async () => {
    const { db, repos } = await withData()
    const before = await repos.changes.list()
    const r = await repos.backup.importAll(await repos.backup.exportAll())
    expect(r.ok).toBe(true)
    const after = await repos.changes.list()
    expect(after.slice(0, -1)).toEqual(before)
    expect(after.at(-1)).toMatchObject({
      seq: before.length + 1,
      table: 'backup',
      fields: { exportedAt: '2026-11-20T10:00:00.000Z', counts: { dossiers: 1 } },
    })
    expect(await db.employers.count()).toBe(1)
  })

  it('inspect summarises a valid file, writes nothing, and its restore replaces the data', async () => {
    const file = await (await withData()).repos.backup.exportAll()
    const { db, repos } = freshRepos('2026-11-25T09:00:00.000Z')
    await loadSampleData(repos, isoDate('2026-11-20'))
    const before = await snapshot(db)
    const r = await repos.backup.inspect(file)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.summary).toEqual({
      employers: 1,
      employees: 1,
      dossiers: 1,
      exportedAt: '2026-11-20T10:00:00.000Z',
      version: CURRENT_VERSION,
      current: {
        employers: await db.employers.count(),
        employees: await db.employees.count(),
        dossiers: 20,
      },
    })
    expect(await snapshot(db)).toEqual(before)
    const restored = await r.value.restore()
    expect(restored.ok ? restored.value.counts['dossiers'] : restored.error).toBe(1)
    expect(await db.dossiers.count()).toBe(1)
    expect(await db.employers.count()).toBe(1)
  })

  it('inspect leaves out a backup date that is not a date', async () => {
    const { repos } = await withData()
    const doc = decode(await repos.backup.exportAll())
    const r = await repos.backup.inspect(encode({ ...doc, exportedAt: 'gisteren' }))
    expect(r.ok ? r.value.summary : r.error).not.toHaveProperty('exportedAt')
    expect(r.ok ? r.value.summary.dossiers : r.error).toBe(1)
  })

  it('round-trips the sample data exactly', async () => {
    const { db, repos } = freshRepos()
    await loadSampleData(repos, isoDate('2026-11-20'))
    const before = await snapshot(db)
    const file = await repos.backup.exportAll()
    const r = await repos.backup.importAll(file)
    expect(r.ok ? r.value.counts['dossiers'] : r.error).toBe(20)
    const after = await snapshot(db)
    for (const t of [...DATA_TABLES, 'blobs'] as const) expect(after[t]).toEqual(before[t])
  })

  it('generated benchmark rows pass the same validation as an import', async () => {
    const { db, repos } = freshRepos()
    await generateDossiers(db, 120, isoDate('2026-11-20'))
    const r = await repos.backup.importAll(await repos.backup.exportAll())
    expect(r.ok ? r.value.counts['dossiers'] : r.error).toBe(120)
  })

  it('reads a backup of an older version', async () => {
    const { repos } = await withData()
    const doc = decode(await repos.backup.exportAll())
    delete doc.tables['milestoneMarks']
    const r = await repos.backup.importAll(encode({ ...doc, version: 1 }))
    expect(r.ok ? r.value.counts['milestoneMarks'] : r.error).toBe(0)
  })

  type Tamper = (doc: Doc) => unknown
  const first = (doc: Doc, table: string) => doc.tables[table]?.[0] ?? {}
  const cases: [string, Tamper, RegExp][] = [
    ['not JSON at all', () => 'geen json', /format: Dit is geen back-up van Hervat/],
    ['a foreign file', (d) => ({ ...d, format: 'iets-anders' }), /^format: Dit is geen back-up/],
    ['a newer version', (d) => ({ ...d, version: 99 }), /^version: .*nieuwere versie/],
    ['an unknown table', (d) => ((d.tables['geheim'] = []), d), /^tables\.geheim: Onbekende/],
    [
      'an invalid BSN',
      (d) => ((first(d, 'employees')['bsn'] = '123456789'), d),
      /^employees\[0\]\.bsn: .*elfproef/,
    ],
    [
      'a record without id',
      (d) => (delete first(d, 'contacts')['id'], delete first(d, 'sickPeriods')['id'], d),
      /^sickPeriods\[0\]\.id: /,
    ],
    [
      'a duplicate id',
      (d) => ((d.tables['employers'] = [first(d, 'employers'), first(d, 'employers')]), d),
      /^employers\[1\]\.id: .*twee keer/,
    ],
    [
      'a dangling werknemer of a dossier',
      (d) => ((first(d, 'dossiers')['employeeId'] = 'weg'), d),
      /^dossiers\[0\]\.employeeId: .*ontbrekend/,
    ],
    [
      'a dangling dossier of a sick period',
      (d) => ((first(d, 'sickPeriods')['dossierId'] = 'weg'), d),
      /^sickPeriods\[0\]\.dossierId: /,
    ],
    [
      'a dossier with another werkgever than its werknemer',
      (d) => {
        d.tables['employers']?.push({ ...first(d, 'employers'), id: 'ander' })
        first(d, 'dossiers')['employerId'] = 'ander'
        return d
      },
      /^dossiers\[0\]\.employerId: /,
    ],
    [
      'overlapping sick periods',
      (d) => ((first(d, 'sickPeriods')['end'] = '2025-02-05'), d),
      /^sickPeriods\[1\]\.start: Deze periode overlapt/,
    ],
    [
      'a tampered attachment',
      (d) => ((first(d, 'blobs')['base64'] = btoa('%PDF-1.4 anders')), d),
      /^blobs\[0\]\.sha256: .*controlesom/,
    ],
    [
      'a missing attachment content',
      (d) => ((d.tables['blobs'] = []), d),
      /^attachments\[0\]\.sha256: .*ontbreekt/,
    ],
    ['a change log', (d) => ((d.tables['changes'] = []), d), /^tables\.changes: Onbekende/],
  ]
  it.each(cases)('refuses %s, names the place, and changes nothing', async (_, tamper, message) => {
    const { db, repos } = await withData()
    const before = await snapshot(db)
    const file = encode(tamper(decode(await repos.backup.exportAll())))
    // The confirmation is never reached: inspect refuses the file with the same error.
    const inspected = await repos.backup.inspect(file)
    const r = await repos.backup.importAll(file)
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(message),
    })
    expect(inspected.ok ? undefined : inspected.error).toEqual(r.ok ? 'ok' : r.error)
    expect(await snapshot(db)).toEqual(before)
  })

  it('refuses a truncated file and changes nothing', async () => {
    const { db, repos } = await withData()
    const before = await snapshot(db)
    const file = await repos.backup.exportAll()
    const r = await repos.backup.importAll(file.subarray(0, file.length / 2))
    expect(r.ok ? undefined : r.error).toMatchObject({
      field: 'bestand',
      message: expect.stringMatching(/geen leesbare JSON/),
    })
    expect(await snapshot(db)).toEqual(before)
  })

  it('wipe clears every table but keeps this computer’s settings', async () => {
    const { db, repos } = await withData()
    await repos.settings.update({ notifyDaysAhead: 14 })
    await repos.backup.wipe()
    for (const rows of Object.values(await snapshot(db))) expect(rows).toHaveLength(0)
    expect((await repos.settings.get()).notifyDaysAhead).toBe(14)
  })
})

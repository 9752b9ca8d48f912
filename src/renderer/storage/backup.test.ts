import { describe, expect, it } from 'vitest'
import { isValidBsn } from '../../shared/domain/bsn'
import { isoDate } from '../../shared/kernel/iso-date'
import { loadSampleData } from './sample-data'
import { freshRepos, seedDossier } from './test-support'

const decode = (b: Uint8Array) =>
  JSON.parse(new TextDecoder().decode(b)) as { tables: Record<string, unknown[]> }

async function withData() {
  const ctx = freshRepos()
  const { dossier } = await seedDossier(ctx.repos)
  await ctx.repos.sickPeriods.create(dossier.id, { start: '2025-01-06' })
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

describe('backup', () => {
  it('export, wipe, import gives back identical data, attachments byte for byte', async () => {
    const { repos } = await withData()
    const first = await repos.backup.exportAll()
    await repos.backup.wipe()
    expect(await repos.dossiers.list()).toHaveLength(0)
    const r = await repos.backup.importAll(first)
    expect(r.ok).toBe(true)
    expect(decode(await repos.backup.exportAll()).tables).toEqual(decode(first).tables)
    const [a] = await repos.attachments.listByDossier((await repos.dossiers.list())[0]?.id ?? '')
    expect(new TextDecoder().decode(await repos.attachments.getContent(a?.id ?? ''))).toBe(
      '%PDF-1.4 inhoud',
    )
  })

  const cases: [
    string,
    (
      doc: { tables: Record<string, Record<string, unknown>[]> } & Record<string, unknown>,
    ) => unknown,
    RegExp,
  ][] = [
    [
      'a foreign file',
      (d) => ({ ...d, format: 'iets-anders' }),
      /format: Dit is geen back-up van Hervat/,
    ],
    [
      'an invalid BSN',
      (d) => ((d.tables['employees']![0]!['bsn'] = '123456789'), d),
      /employees\[0\]\.bsn: .*elfproef/,
    ],
    [
      'a dangling reference',
      (d) => ((d.tables['sickPeriods']![0]!['dossierId'] = 'weg'), d),
      /sickPeriods\[0\]\.dossierId/,
    ],
    [
      'a tampered attachment',
      (d) => ((d.tables['blobs']![0]!['base64'] = btoa('%PDF-1.4 anders')), d),
      /blobs\[0\]\.sha256/,
    ],
    ['a newer version', (d) => ({ ...d, version: 99 }), /version: .*nieuwere versie/],
  ]
  it.each(cases)(
    'refuses %s, names the place, and changes nothing',
    async (_name, tamper, message) => {
      const { repos } = await withData()
      const before = await repos.backup.exportAll()
      const doc = tamper(decode(before) as never)
      const r = await repos.backup.importAll(new TextEncoder().encode(JSON.stringify(doc)))
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toMatch(message)
      expect(decode(await repos.backup.exportAll()).tables).toEqual(decode(before).tables)
    },
  )

  it('refuses a truncated file and changes nothing', async () => {
    const { repos } = await withData()
    const before = await repos.backup.exportAll()
    const r = await repos.backup.importAll(before.subarray(0, before.length / 2))
    expect(r.ok ? undefined : r.error.message).toMatch(/geen leesbare JSON/)
    expect(decode(await repos.backup.exportAll()).tables).toEqual(decode(before).tables)
  })
})

describe('sample data', () => {
  it('loads about twenty valid dossiers, each with a werknemer with a valid BSN', async () => {
    const { repos } = freshRepos()
    const r = await loadSampleData(repos, isoDate('2026-11-20'))
    expect(r.dossiers).toBe(20)
    const rows = await repos.caseload.list()
    expect(rows).toHaveLength(20)
    expect(rows.every((row) => isValidBsn(row.bsn))).toBe(true)
    expect(rows.some((row) => row.sickPeriods.length === 2)).toBe(true)
    expect(rows.filter((row) => row.status === 'hersteld')).toHaveLength(2)
  })
})

import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isoDate } from '../../shared/kernel/iso-date'
import { checkFieldValue } from '../../shared/sync/values'
import { loadSampleData } from '../storage/sample-data'
import { freshRepos, seedDossier } from '../storage/test-support'

/**
 * The server checks every pushed value against its field's schema (ADR 0012). Every change the
 * app itself records must pass that check, or a casemanager's own edits would be refused.
 */

const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
)
const plan = {
  id: 'new',
  version: 1,
  date: '02-03-2026',
  author: { name: 'Petra Visser', function: 'Casemanager' },
  goal: 'eigen-werk-aangepast',
  activities: [
    {
      id: 'a1',
      description: 'Werkplek aanpassen',
      goal: 'Werken zonder beperkingen',
      owner: 'werkgever',
      term: '01-04-2026',
    },
  ],
  evaluationMoments: [{ date: '15-04-2026', kind: 'periodiek' }],
  casemanager: { name: 'Petra Visser' },
  employeeView: 'Ik wil graag terug in mijn eigen werk.',
}

describe('field values the app pushes', () => {
  it('every outbox change of the sample data, a signed plan and an attachment passes', async () => {
    const { db, repos } = freshRepos()
    await loadSampleData(repos, isoDate('2026-11-20'))
    const { dossier } = await seedDossier(repos)
    const doc = await repos.documents.create(dossier.id, 'plan-van-aanpak', plan)
    if (!doc.ok) throw new Error(doc.error.message)
    for (const role of ['werkgever', 'werknemer'] as const) {
      const signed = await repos.documents.sign(
        {
          documentId: doc.value.id,
          role,
          name: 'Jan Jansen',
          function: 'Directeur',
          signedAt: '03-03-2026',
        },
        PNG,
      )
      expect(signed.ok).toBe(true)
    }
    const pdf = new TextEncoder().encode('%PDF-1.4\nx\n%%EOF')
    const att = await repos.attachments.add(
      dossier.id,
      {
        title: 'Probleemanalyse',
        source: 'bedrijfsarts',
        kind: 'probleemanalyse',
        receivedOn: '14-02-2025',
      },
      { name: 'pa.pdf', mimeType: 'application/pdf', data: pdf },
    )
    expect(att.ok).toBe(true)
    const changes = await db.outbox.toArray()
    const tables = new Set(changes.map((c) => c.table))
    for (const t of ['documents', 'documentSignatures', 'attachments', 'audit', 'dossiers'])
      expect(tables).toContain(t)
    const refused = changes
      .map((c) => ({ c, r: checkFieldValue(c.table, c.field, c.value) }))
      .filter(({ r }) => !r.ok)
      .map(({ c, r }) => `${c.table}.${c.field}: ${JSON.stringify(r)}`)
    expect(refused).toEqual([])
  })
})

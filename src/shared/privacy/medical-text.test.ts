import { describe, expect, it } from 'vitest'
import {
  currentConfirmations,
  medicalExportRefusal,
  newConfirmations,
  scanForMedicalText,
  scannedTexts,
  textFingerprint,
  unconfirmedMedicalTexts,
} from './medical-text'

const contact = (id: string, summary: string, nonMedical?: Record<string, string>) => ({
  id,
  dossierId: 'd1',
  date: '2026-03-02',
  kind: 'gesprek',
  participants: 'werknemer, leidinggevende',
  summary,
  createdAt: '2026-03-02T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
  ...(nonMedical ? { nonMedical } : {}),
})

describe('confirmation bound to the exact text', () => {
  it('a confirmed text passes; the same field edited needs a new choice', () => {
    const text = 'Werknemer start met fysiotherapie als interventie van de werkgever'
    const confirmed = { summary: textFingerprint(text) }
    expect(unconfirmedMedicalTexts(contact('c1', text, confirmed), confirmed)).toEqual([])
    const edited = `${text}.`
    expect(unconfirmedMedicalTexts(contact('c1', edited), confirmed)).toEqual([
      { path: 'summary', words: ['fysiotherapie'] },
    ])
    // The stale confirmation is dropped on save, not kept for a later text.
    expect(currentConfirmations(contact('c1', edited), confirmed)).toBeUndefined()
    expect(currentConfirmations(contact('c1', text), confirmed)).toEqual(confirmed)
  })

  it('a confirmation covers one field only', () => {
    const t = 'Overleg over de hernia'
    const r = { ...contact('c1', t), participants: 'de fysiotherapeut' }
    expect(unconfirmedMedicalTexts(r, { summary: textFingerprint(t) })).toEqual([
      { path: 'participants', words: ['fysiotherapeut'] },
    ])
  })

  it('names the newly confirmed fields (for the audit trail)', () => {
    expect(newConfirmations({ a: 'x' }, { a: 'x', b: 'y' })).toEqual(['b'])
    expect(newConfirmations({ a: 'x' }, { a: 'z' })).toEqual(['a'])
    expect(newConfirmations(undefined, undefined)).toEqual([])
  })
})

describe('what the scan reads', () => {
  it('reads nested texts with their path, not names, ids or hashes', () => {
    const doc = {
      id: 'p1',
      author: { name: 'Pijnacker', function: 'HR-specialist' },
      bedrijfsarts: 'Dr. Pijnappel',
      attachmentId: 'a-ziekenhuis',
      activities: [{ description: 'Naar de huisarts' }],
      nonMedical: { x: 'y' },
    }
    expect(scannedTexts(doc)).toEqual([
      { path: 'activities.0.description', text: 'Naar de huisarts' },
    ])
  })
})

describe('export gate', () => {
  it('lists every unconfirmed flagged text with dossier, record, field and words', () => {
    const ok = 'Werkt 4 uur per dag, administratief'
    const confirmedText = 'Interventie fysiotherapie via de werkgever'
    const findings = scanForMedicalText([
      {
        dossierId: 'd1',
        tables: {
          contacts: [
            contact('c1', ok),
            contact('c2', 'Hernia, pijn in de rug'),
            contact('c3', confirmedText, { summary: textFingerprint(confirmedText) }),
          ],
          documents: [
            {
              id: 'doc1',
              type: 'evaluatie',
              content: { conclusion: 'Depressie neemt af', participants: 'werknemer' },
            },
          ],
        },
      },
      { dossierId: 'd2', tables: { interventions: [{ id: 'i1', note: 'Na de operatie' }] } },
    ])
    expect(findings).toEqual([
      {
        dossierId: 'd1',
        table: 'contacts',
        recordId: 'c2',
        field: 'summary',
        words: ['hernia', 'pijn'],
      },
      {
        dossierId: 'd1',
        table: 'documents',
        recordId: 'doc1',
        field: 'conclusion',
        words: ['depressie'],
      },
      {
        dossierId: 'd2',
        table: 'interventions',
        recordId: 'i1',
        field: 'note',
        words: ['operatie'],
      },
    ])
    expect(medicalExportRefusal('De back-up', findings)).toMatch(
      /^De back-up is geweigerd: 3 teksten lijken medische informatie te bevatten\./,
    )
  })

  it('finds nothing in clean or fully confirmed dossiers', () => {
    expect(
      scanForMedicalText([
        { dossierId: 'd1', tables: { contacts: [contact('c1', 'Gesprek over werkhervatting')] } },
      ]),
    ).toEqual([])
  })
})

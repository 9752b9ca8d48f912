import { describe, expect, it } from 'vitest'
import { REMOVED_TEXT } from '../../shared/privacy/corrections'
import { effectiveContacts } from '../../shared/privacy/corrections'
import { textFingerprint } from '../../shared/privacy/medical-text'
import type { OutboxRow } from './sync-log'
import { freshRepos, seedDossier } from './test-support'

const MEDICAL = 'Werknemer heeft een hernia en gaat naar de fysiotherapeut'
const contactInput = (summary: string, extra: Record<string, unknown> = {}) => ({
  date: '02-03-2026',
  kind: 'gesprek',
  participants: 'werknemer, leidinggevende',
  summary,
  ...extra,
})

/** Every copy of data this device keeps besides the records: where removed text must not be. */
async function everything(db: ReturnType<typeof freshRepos>['db']): Promise<string> {
  const parts = await Promise.all([
    db.contacts.toArray(),
    db.changes.toArray(),
    db.outbox.toArray(),
    db.fieldStates.toArray(),
    db.refusedChanges.toArray(),
    db.audit.toArray(),
  ])
  return JSON.stringify(parts)
}

describe('saving flagged free text needs a choice', () => {
  it('refuses unconfirmed medical words at the field, saves nothing, names the words', async () => {
    const { repos, db } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const before = await db.changes.count()
    const r = await repos.contacts.create(dossier.id, contactInput(MEDICAL))
    expect(r.ok ? undefined : r.error).toEqual({
      kind: 'validation',
      field: 'summary',
      message:
        'Deze tekst lijkt medische informatie te bevatten (hernia, fysiotherapeut). Pas de tekst aan, of bevestig dat dit geen medische informatie is.',
    })
    expect(await db.contacts.count()).toBe(0)
    expect(await db.changes.count()).toBe(before)
  })

  it('stores a confirmation bound to the text, audits it, and asks again after an edit', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const text = 'Interventie fysiotherapie op kosten van de werkgever'
    const created = await repos.interventions.create(dossier.id, {
      provider: 'Bureau Beweeg',
      kind: 'overig',
      advisedBy: 'bedrijfsarts',
      note: text,
      nonMedical: { note: textFingerprint(text) },
    })
    if (!created.ok) throw new Error(created.error.message)
    expect(created.value.nonMedical).toEqual({ note: textFingerprint(text) })
    const trail = await repos.audit.forDossier(dossier.id)
    expect(trail.filter((e) => e.action === 'confirm-non-medical')).toEqual([
      expect.objectContaining({
        objectType: 'interventions',
        objectId: created.value.id,
        detail: 'Veld note',
      }),
    ])
    expect(JSON.stringify(trail)).not.toContain('fysiotherapie')

    // The same confirmation for an edited text no longer counts.
    const edited = await repos.interventions.update(created.value.id, {
      ...created.value,
      note: `${text}, twee keer per week`,
    })
    expect(edited.ok ? undefined : edited.error).toMatchObject({ field: 'note' })
    // Reworded without medical words, the old confirmation is dropped with it.
    const reworded = await repos.interventions.update(created.value.id, {
      ...created.value,
      note: 'Bewegingsprogramma op kosten van de werkgever',
    })
    if (!reworded.ok) throw new Error(reworded.error.message)
    expect(reworded.value.nonMedical).toBeUndefined()
  })
})

describe('corrections and removal of contactmomenten', () => {
  it('a correction supersedes the original in views; the original stays in its history', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const first = await repos.contacts.create(
      dossier.id,
      contactInput(MEDICAL, { nonMedical: { summary: textFingerprint(MEDICAL) } }),
    )
    if (!first.ok) throw new Error(first.error.message)
    const refused = await repos.corrections.correctContact(first.value.id, contactInput(MEDICAL))
    expect(refused.ok ? undefined : refused.error).toMatchObject({ field: 'summary' })
    const fixed = await repos.corrections.correctContact(
      first.value.id,
      contactInput('Gesprek over werkhervatting, 2 uur per dag'),
    )
    if (!fixed.ok) throw new Error(fixed.error.message)
    const shown = effectiveContacts((await repos.dossiers.getFull(dossier.id))?.contacts ?? [])
    expect(shown.map((c) => c.summary)).toEqual(['Gesprek over werkhervatting, 2 uur per dag'])
    expect(await repos.contacts.get(first.value.id)).toMatchObject({ summary: MEDICAL })
    const again = await repos.corrections.correctContact(
      first.value.id,
      contactInput('Nog een versie'),
    )
    expect(again.ok ? undefined : again.error).toMatchObject({ field: 'corrects' })
    const trail = await repos.audit.forDossier(dossier.id)
    expect(trail.some((e) => e.action === 'correct' && e.objectId === first.value.id)).toBe(true)
  })

  it('a removal leaves no copy of the text on this device and a stub in the trail; it syncs', async () => {
    const a = freshRepos()
    const { dossier } = await seedDossier(a.repos)
    const c = await a.repos.contacts.create(
      dossier.id,
      contactInput(MEDICAL, { nonMedical: { summary: textFingerprint(MEDICAL) } }),
    )
    if (!c.ok) throw new Error(c.error.message)

    // The second device has the contactmoment from an earlier sync.
    const b = freshRepos()
    let seq = 0
    const pulled = (rows: readonly OutboxRow[]) => rows.map((r) => ({ ...r, seq: ++seq }))
    await b.repos.sync.applyPulled(pulled(await a.db.outbox.toArray()), 'sync.cursor', seq)
    expect(await b.db.contacts.get(c.value.id)).toMatchObject({ summary: MEDICAL })
    const sent = new Set((await a.db.outbox.toArray()).map((r) => r.id))

    const r = await a.repos.corrections.removeUnlawful(
      'contacts',
      c.value.id,
      'medische-informatie',
    )
    expect(r.ok).toBe(true)
    expect(await a.db.contacts.get(c.value.id)).toMatchObject({
      summary: REMOVED_TEXT,
      participants: REMOVED_TEXT,
      date: '2026-03-02',
    })
    expect(await everything(a.db)).not.toContain('hernia')
    const stub = (await a.repos.audit.forDossier(dossier.id)).find(
      (e) => e.action === 'remove-unlawful',
    )
    expect(stub).toMatchObject({
      objectType: 'contacts',
      objectId: c.value.id,
      outcome: 'success',
      detail:
        'Medische informatie vastgelegd die de werkgever niet mag verwerken (AVG art. 9 en 17)',
    })
    const again = await a.repos.corrections.removeUnlawful('contacts', c.value.id, 'onjuist')
    expect(again.ok).toBe(false)

    // The removal and its stub reach the other device; it keeps no copy of the text either.
    const fresh = (await a.db.outbox.toArray()).filter((x) => !sent.has(x.id))
    await b.repos.sync.applyPulled(pulled(fresh), 'sync.cursor', seq)
    expect(await b.db.contacts.get(c.value.id)).toMatchObject({ summary: REMOVED_TEXT })
    expect(await everything(b.db)).not.toContain('hernia')
    expect(
      (await b.repos.audit.list()).some(
        (e) => e.action === 'remove-unlawful' && e.objectId === c.value.id,
      ),
    ).toBe(true)
  })
})

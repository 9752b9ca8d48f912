import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { HervatDb } from '../db'
import { employeeInput, freshRepos, seedDossier } from '../test-support'
import { DecryptionError } from './envelope'
import { LockedError } from './vault'

const SECRET = {
  bsn: '111222333',
  street: 'Lindelaan',
  phone: '0612345678',
  email: 'sanne@voorbeeld.nl',
  lastName: 'de Vries',
  summary: 'Werkplek bekeken',
  newSummary: 'Opbouw besproken',
}

/** The same database opened WITHOUT the encryption layer: exactly what IndexedDB holds. */
async function rawRows(name: string) {
  const raw = new HervatDb(name)
  await raw.open()
  const dump: Record<string, unknown[]> = {}
  for (const t of raw.tables) dump[t.name] = await t.toArray()
  raw.close()
  return dump
}

/** All rows as one text, byte arrays decoded too (a plaintext hidden in bytes would show). */
function asText(rows: unknown): string {
  return JSON.stringify(rows, (_k, v: unknown) =>
    v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
  )
}

async function savedDossier() {
  const ctx = freshRepos()
  const { repos } = ctx
  const { employer, dossier } = await seedDossier(repos)
  const employee = await repos.employees.create({
    ...employeeInput(employer.id),
    bsn: '123456782',
    phone: SECRET.phone,
    email: SECRET.email,
    address: { street: SECRET.street, houseNumber: '12', postcode: '3811AB', city: 'Amersfoort' },
  })
  if (!employee.ok) throw new Error(employee.error.message)
  const contact = await repos.contacts.create(dossier.id, {
    date: '10-11-2026',
    kind: 'werkplekbezoek',
    participants: 'Sanne, leidinggevende',
    summary: `${SECRET.summary}: 4 uur per dag.`,
  })
  if (!contact.ok) throw new Error(contact.error.message)
  // An edit: the change log now holds the old text as `previous` and the new one in `fields`.
  const edited = await repos.contacts.update(contact.value.id, {
    date: '10-11-2026',
    kind: 'werkplekbezoek',
    participants: 'Sanne, leidinggevende',
    summary: SECRET.newSummary,
  })
  if (!edited.ok) throw new Error(edited.error.message)
  return { ...ctx, dossier, contactId: contact.value.id }
}

describe('encryption at rest', () => {
  it('stores no BSN, name, street, phone, e-mail or free text in plaintext, change log included', async () => {
    const { db, repos, dossier } = await savedDossier()
    const history = await repos.changes.forDossier(dossier.id)
    expect(history.map((e) => e.op)).toContain('update')
    const raw = await rawRows(db.name)
    expect(raw['changes']?.length).toBe(await repos.changes.count())
    const text = asText(raw)
    // The dump is real: ids, dates and the werkgever's (indexed, business) name are readable.
    expect(text).toContain(dossier.id)
    expect(text).toContain('2026-11-10')
    expect(text).toContain('Bakkerij Jansen')
    for (const [what, secret] of Object.entries(SECRET))
      expect(text.includes(secret), `${what} in plaintext`).toBe(false)
    // Every row of a data table is one envelope next to its readable keys.
    const contact = raw['contacts']?.[0] as Record<string, unknown>
    expect(Object.keys(contact).sort()).toEqual(['date', 'dossierId', 'id', 'sealed'])
  })

  it('still finds the dossier by name and by BSN', async () => {
    const { repos, dossier } = await savedDossier()
    const rows = await repos.caseload.list()
    const hit = (term: string) => rows.filter((r) => r.searchText.includes(term))
    expect(hit('sanne de vries').map((r) => r.dossierId)).toEqual([dossier.id])
    expect(hit(SECRET.bsn).map((r) => r.dossierId)).toEqual([dossier.id])
    // The BSN index holds keyed hashes only, and finds any notation of the number.
    const found = await repos.employees.findByBsn('1112.22.333')
    expect(found.map((e) => e.lastName)).toEqual([SECRET.lastName])
    expect(await repos.employees.findByBsn('999999999')).toEqual([])
    expect((await repos.contacts.listByDossier(dossier.id))[0]?.summary).toBe(SECRET.newSummary)
  })

  it('a tampered ciphertext fails with a clear error, not garbage', async () => {
    const { db, repos, contactId } = await savedDossier()
    const raw = new HervatDb(db.name)
    const row = (await raw.table('contacts').get(contactId)) as { sealed: Uint8Array }
    const flipped = row.sealed.slice()
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 1
    await raw.table('contacts').put({ ...row, sealed: flipped })
    raw.close()
    const read = repos.contacts.get(contactId)
    await expect(read).rejects.toBeInstanceOf(DecryptionError)
    await expect(repos.contacts.get(contactId)).rejects.toThrow(
      /Versleutelde gegevens in tabel contacts .* zijn beschadigd of gewijzigd/,
    )
  })

  it('an envelope moved to another record, or next to an altered index value, does not open', async () => {
    const { db, repos, dossier } = await savedDossier()
    const [a, b] = await repos.employees.list()
    if (!a || !b) throw new Error('two werknemers expected')
    const raw = new HervatDb(db.name)
    const rowA = (await raw.table('employees').get(a.id)) as Record<string, unknown>
    const rowB = (await raw.table('employees').get(b.id)) as Record<string, unknown>
    await raw.table('employees').put({ ...rowB, sealed: rowA['sealed'] })
    const contact = (await raw.table('contacts').toArray())[0] as Record<string, unknown>
    await raw.table('contacts').put({ ...contact, dossierId: 'another-dossier' })
    raw.close()
    await expect(repos.employees.get(b.id)).rejects.toBeInstanceOf(DecryptionError)
    expect((await repos.employees.get(a.id))?.bsn).toBeDefined()
    await expect(
      repos.contacts.listByDossier('another-dossier').then((r) => r.length),
    ).rejects.toBeInstanceOf(DecryptionError)
    expect(await repos.contacts.listByDossier(dossier.id)).toEqual([])
  })

  it('refuses a planted plaintext row once the data is encrypted', async () => {
    const { db, repos, dossier } = await savedDossier()
    const raw = new HervatDb(db.name)
    await raw.table('contacts').put({
      id: 'planted',
      dossierId: dossier.id,
      date: '2026-11-11',
      summary: 'Ingevoegd zonder sleutel',
    })
    raw.close()
    await expect(repos.contacts.listByDossier(dossier.id)).rejects.toBeInstanceOf(DecryptionError)
  })

  it('locked, nothing can be read or written; unlocked again, everything is back', async () => {
    const { repos, vault, dossier } = await savedDossier()
    const keys = vault.keys()
    vault.lock()
    await expect(repos.dossiers.get(dossier.id)).rejects.toBeInstanceOf(LockedError)
    const write = await repos.contacts.create(dossier.id, {
      date: '11-11-2026',
      kind: 'telefonisch',
      participants: 'Sanne',
      summary: 'Gebeld',
    })
    expect(write.ok).toBe(false)
    expect(await repos.settings.get()).toMatchObject({ lockAfterMinutes: 15 })
    vault.unlock(keys)
    vault.strict = true
    expect((await repos.dossiers.get(dossier.id))?.casemanager).toBe('Petra Visser')
  })

  it('attachments: the PDF bytes are sealed and come back byte for byte', async () => {
    const { db, repos, dossier } = await savedDossier()
    const pdf = new TextEncoder().encode('%PDF-1.7\nVertrouwelijk verslag van Sanne\n%%EOF')
    const saved = await repos.attachments.add(
      dossier.id,
      { title: 'Verslag', source: 'werkgever', kind: 'overig', receivedOn: '10-11-2026' },
      { name: 'verslag.pdf', mimeType: 'application/pdf', data: pdf },
    )
    if (!saved.ok) throw new Error(saved.error.message)
    expect(asText(await rawRows(db.name))).not.toContain('Vertrouwelijk')
    expect(await repos.attachments.getContent(saved.value.id)).toEqual(pdf)
  })
})

import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES, sha256Hex } from './attachments'
import { freshRepos, seedDossier } from './test-support'

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`)
const meta = {
  title: 'Probleemanalyse',
  source: 'bedrijfsarts',
  kind: 'probleemanalyse',
  receivedOn: '14-02-2025',
}
const file = (data: Uint8Array, name = 'pa.pdf', mimeType = 'application/pdf') => ({
  name,
  mimeType,
  data,
})

describe('attachments', () => {
  it('stores identical content once and removes it with its last reference', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const a = await repos.attachments.add(dossier.id, meta, file(pdf('x')))
    const b = await repos.attachments.add(dossier.id, meta, file(pdf('x'), 'pa-kopie.pdf'))
    const c = await repos.attachments.add(dossier.id, meta, file(pdf('y')))
    if (!a.ok || !b.ok || !c.ok) throw new Error('add failed')
    expect(a.value).toMatchObject({
      fileName: 'pa.pdf',
      mimeType: 'application/pdf',
      size: pdf('x').length,
      sha256: await sha256Hex(pdf('x')),
      receivedOn: '2025-02-14',
      markedMedical: false,
    })
    expect(a.value.sha256).toBe(b.value.sha256)
    expect(await db.blobs.count()).toBe(2)
    expect(await repos.attachments.getContent(a.value.id)).toEqual(pdf('x'))
    await repos.attachments.remove(a.value.id)
    expect(await db.blobs.count()).toBe(2)
    await repos.attachments.remove(b.value.id)
    expect(await db.blobs.count()).toBe(1)
    expect(await repos.attachments.getContent(b.value.id)).toBeUndefined()
    expect((await repos.changes.list()).filter((e) => e.table === 'attachments')).toHaveLength(5)
  })

  it('refuses a file that is not a PDF by its content, whatever its name', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])
    const r = await repos.attachments.add(dossier.id, meta, file(png, 'echt.pdf'))
    expect(r.ok ? undefined : r.error).toEqual({
      kind: 'validation',
      field: 'file',
      message: 'Alleen PDF-bestanden kunnen worden toegevoegd.',
    })
    const typed = await repos.attachments.add(
      dossier.id,
      meta,
      file(pdf('x'), 'a.png', 'image/png'),
    )
    expect(typed.ok ? undefined : typed.error).toMatchObject({ field: 'file' })
    expect(await db.attachments.count()).toBe(0)
    expect(await db.blobs.count()).toBe(0)
  })

  it('accepts a PDF whose type the file picker could not tell', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    for (const mimeType of ['', 'application/octet-stream', 'application/x-pdf'])
      expect(
        (await repos.attachments.add(dossier.id, meta, file(pdf(mimeType), 'a.pdf', mimeType))).ok,
      ).toBe(true)
  })

  it('refuses a file over 25 MB', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
    big.set(pdf(''))
    const r = await repos.attachments.add(dossier.id, meta, file(big))
    expect(r.ok ? undefined : r.error).toMatchObject({
      field: 'file',
      message: expect.stringMatching(/25 MB/),
    })
  })

  it('checks the description first, naming its field', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const r = await repos.attachments.add(dossier.id, { ...meta, title: '' }, file(pdf('x')))
    expect(r.ok ? undefined : r.error).toMatchObject({ field: 'title' })
  })

  it('stores only the bytes of a view, not the whole buffer behind it', async () => {
    const { db, repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const buffer = new Uint8Array(1000)
    const content = pdf('deel')
    buffer.set(content, 100)
    const view = buffer.subarray(100, 100 + content.length)
    const r = await repos.attachments.add(dossier.id, meta, file(view))
    if (!r.ok) throw new Error(r.error.message)
    const blob = await db.blobs.get(r.value.sha256)
    expect(blob?.data.buffer.byteLength).toBe(content.length)
    expect(blob?.size).toBe(content.length)
  })

  it('updates the description and keeps the file', async () => {
    const { repos } = freshRepos()
    const { dossier } = await seedDossier(repos)
    const a = await repos.attachments.add(dossier.id, meta, file(pdf('x')))
    if (!a.ok) throw new Error(a.error.message)
    const u = await repos.attachments.update(a.value.id, {
      ...meta,
      title: 'PA (werkgeversversie)',
    })
    expect(u.ok ? u.value : undefined).toMatchObject({
      title: 'PA (werkgeversversie)',
      sha256: a.value.sha256,
      fileName: 'pa.pdf',
    })
    expect((await repos.changes.list()).at(-1)).toMatchObject({
      op: 'update',
      fields: { title: 'PA (werkgeversversie)' },
      previous: { title: 'Probleemanalyse' },
    })
  })
})

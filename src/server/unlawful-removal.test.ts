import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REMOVED_TEXT } from '../shared/privacy/corrections'
import { auth, buildWorld, change, storeFactories, type World } from './test-support'

/**
 * Append-only records (contactmomenten, signatures) accept exactly one change after they were
 * written: their text overwritten with REMOVED_TEXT, for a removal because of unlawful
 * registration (AVG art. 16/17). Everything else stays refused, and the removed text is gone from
 * what the server hands out (its log and its conflict records).
 */
describe.each(storeFactories())('removal of an append-only text on $name', (factory) => {
  let w: World
  beforeAll(async () => {
    w = await buildWorld(factory)
  }, 60_000)
  afterAll(async () => {
    await w.close()
  })

  const push = (changes: unknown[]) =>
    w.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: auth(w.actors.tlA),
      payload: { changes },
    })
  const pulled = async () =>
    (
      await w.app.inject({
        method: 'GET',
        url: '/api/v1/sync/pull?cursor=0&limit=10000',
        headers: auth(w.actors.tlA),
      })
    ).json<{ changes: { table: string; recordId: string; field: string; value: unknown }[] }>()
      .changes

  it('accepts the removal of a contactmoment text and drops the text from the log', async () => {
    const contact = { table: 'contacts', recordId: 'contact-removal-1' }
    const text = 'Gesprek over de hernia en de fysiotherapie'
    const created = [
      change('d-rm-1', 'summary', text, contact),
      change('d-rm-1', 'participants', 'werknemer en fysiotherapeut', contact),
      change('d-rm-1', 'date', '2026-03-02', contact),
    ]
    expect((await push(created)).statusCode).toBe(200)

    const removal = [
      change('d-rm-1', 'summary', REMOVED_TEXT, contact),
      change('d-rm-1', 'participants', REMOVED_TEXT, contact),
    ]
    const r = await push(removal)
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ accepted: 2 })

    const mine = (await pulled()).filter((c) => c.recordId === contact.recordId)
    expect(mine.filter((c) => c.field === 'summary').map((c) => c.value)).toEqual([
      REMOVED_TEXT,
      REMOVED_TEXT,
    ])
    expect(JSON.stringify(mine)).not.toContain('hernia')
    expect(JSON.stringify(mine)).not.toContain('fysiotherapeut')
    // The date is not text a removal touches: it stays as written.
    expect(mine.find((c) => c.field === 'date')?.value).toBe('2026-03-02')
  })

  it('still refuses any other change to an append-only record', async () => {
    const contact = { table: 'contacts', recordId: 'contact-removal-2' }
    expect((await push([change('d-rm-2', 'summary', 'eerste', contact)])).statusCode).toBe(200)
    expect((await push([change('d-rm-2', 'date', '2026-03-02', contact)])).statusCode).toBe(200)
    for (const other of [
      change('d-rm-2', 'summary', 'een andere tekst', contact),
      change('d-rm-2', 'summary', '', contact),
      change('d-rm-2', 'summary', null, contact),
      change('d-rm-2', 'date', REMOVED_TEXT, contact),
    ]) {
      const r = await push([other])
      // Refused either way: a value the field's schema refuses by the input gate (400, ADR 0012),
      // a valid one by the append-only rule (409).
      if (r.statusCode === 400)
        expect(r.json()).toMatchObject({ error: { field: expect.any(String) } })
      else {
        expect(r.statusCode).toBe(409)
        expect(r.json()).toMatchObject({ error: { code: 'append-only' } })
      }
    }
    const kept = (await pulled()).filter((c) => c.recordId === contact.recordId)
    expect(kept.filter((c) => c.field === 'summary').map((c) => c.value)).toEqual(['eerste'])
    expect(kept.filter((c) => c.field === 'date').map((c) => c.value)).toEqual(['2026-03-02'])
    const sig = { table: 'documentSignatures', recordId: 'sig-removal-1' }
    await push([
      change('d-rm-2', 'name', 'Piet Werknemer', sig),
      change('d-rm-2', 'reaction', 'Ik ben het oneens vanwege mijn depressie', sig),
    ])
    expect((await push([change('d-rm-2', 'name', REMOVED_TEXT, sig)])).statusCode).toBe(409)
    expect((await push([change('d-rm-2', 'reaction', REMOVED_TEXT, sig)])).statusCode).toBe(200)
    const texts = (await pulled()).filter((c) => c.recordId === sig.recordId)
    expect(JSON.stringify(texts)).not.toContain('depressie')
    expect(texts.find((c) => c.field === 'name')?.value).toBe('Piet Werknemer')
  })
})

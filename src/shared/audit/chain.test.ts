import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  GENESIS_HASH,
  sealEntry,
  sha256Hex,
  verifyChain,
  type AuditEntry,
  type UnsealedAuditEntry,
} from './chain'

function chain(deviceId: string, n: number): AuditEntry[] {
  const out: AuditEntry[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const e: UnsealedAuditEntry = {
      id: `${deviceId}-${seq}`,
      deviceId,
      seq,
      at: `2026-11-20T10:00:0${seq % 10}.000Z`,
      actorName: 'Petra Visser',
      action: seq === 1 ? 'view' : 'update',
      objectType: 'dossiers',
      objectId: 'd1',
      dossierId: 'd1',
      outcome: 'success',
      prevHash: prev,
    }
    const sealed = sealEntry(e)
    out.push(sealed)
    prev = sealed.hash
  }
  return out
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":"x","z":2}]},"b":1}',
    )
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })
  it('hashes with SHA-256 (FIPS 180-2 test vector)', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })
})

describe('verifyChain', () => {
  it('accepts intact chains of several devices, in any row order', () => {
    const rows = [...chain('laptop', 5), ...chain('tablet', 3)].reverse()
    expect(verifyChain(rows)).toEqual({ ok: true, entries: 8, devices: 2, breaks: [] })
  })

  it('reports a changed entry at its position', () => {
    const rows = chain('laptop', 5)
    rows[2] = { ...rows[2]!, action: 'view' }
    const r = verifyChain(rows)
    expect(r.ok).toBe(false)
    expect(r.breaks).toEqual([
      expect.objectContaining({ deviceId: 'laptop', seq: 3, position: 3, reason: 'hash' }),
    ])
    expect(r.breaks[0]?.message).toBe('Regel 3 is na het vastleggen gewijzigd.')
  })

  it('reports a changed entry whose hash was recomputed at the next entry (link)', () => {
    const rows = chain('laptop', 4)
    const { hash: _h, ...rest } = rows[1]!
    rows[1] = sealEntry({ ...rest, actorName: 'Iemand anders' })
    expect(verifyChain(rows).breaks).toEqual([
      expect.objectContaining({ seq: 3, position: 3, reason: 'link' }),
    ])
  })

  it('reports a removed entry as a gap', () => {
    const rows = chain('laptop', 4)
    rows.splice(1, 1)
    expect(verifyChain(rows).breaks).toEqual([
      expect.objectContaining({ seq: 2, position: 2, reason: 'gap' }),
    ])
  })

  it('reports a malformed row and keeps checking the other devices', () => {
    const rows: unknown[] = [...chain('laptop', 2), ...chain('tablet', 2)]
    rows[3] = { ...(rows[3] as AuditEntry), hash: 'nope' }
    const r = verifyChain(rows)
    expect(r.breaks).toEqual([
      expect.objectContaining({ deviceId: 'tablet', position: 2, reason: 'shape' }),
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { parsePushRequest, SYNC_LIMITS } from './protocol'

const good = {
  id: 'c1',
  table: 'dossiers',
  recordId: 'd1',
  dossierId: 'd1',
  field: 'status',
  value: 'actief',
  hlc: '001700000000000-00000-nodeA',
  baseHlc: null,
}

const fieldOf = (change: Record<string, unknown>): string => {
  const r = parsePushRequest({ changes: [good, change] })
  return r.ok ? '' : r.field
}

describe('push payload validation names the field', () => {
  it('accepts a well-formed change', () => {
    expect(parsePushRequest({ changes: [good] }).ok).toBe(true)
  })
  it.each([
    ['unknown table', { ...good, table: 'salaries' }, 'changes.1.table'],
    ['unknown field', { ...good, field: 'diagnosis' }, 'changes.1.field'],
    ['bad record id', { ...good, recordId: 'a b' }, 'changes.1.recordId'],
    ['bad hlc', { ...good, hlc: 'yesterday' }, 'changes.1.hlc'],
    ['base after hlc', { ...good, baseHlc: '001800000000000-00000-x' }, 'changes.1.baseHlc'],
    [
      'oversized value',
      { ...good, value: 'x'.repeat(SYNC_LIMITS.maxValueBytes) },
      'changes.1.value',
    ],
    ['foreign property', { ...good, sql: 'drop table' }, 'changes.1'],
    [
      'child without dossier',
      { ...good, table: 'contacts', dossierId: null, field: 'summary' },
      'changes.1.dossierId',
    ],
    [
      'org table with dossier',
      { ...good, table: 'employers', field: 'name' },
      'changes.1.dossierId',
    ],
    ['dossier id mismatch', { ...good, dossierId: 'd2' }, 'changes.1.dossierId'],
  ])('%s', (_name, change, field) => {
    expect(fieldOf(change)).toBe(field)
  })
  it('rejects an empty or oversized batch and a non-object body', () => {
    expect(parsePushRequest({ changes: [] })).toMatchObject({ ok: false, field: 'changes' })
    const many = Array.from({ length: SYNC_LIMITS.maxChangesPerPush + 1 }, (_, i) => ({
      ...good,
      id: `c${i}`,
    }))
    expect(parsePushRequest({ changes: many })).toMatchObject({ ok: false, field: 'changes' })
    expect(parsePushRequest('hello')).toMatchObject({ ok: false, field: 'body' })
  })
})

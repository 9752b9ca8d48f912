import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatHlc, type Hlc } from './hlc'
import { mergeField, type FieldState, type FieldVersion } from './merge'
import { simClient, simPull, simPush, simServer, simWrite, snapshot } from './sim'

const h = (wallMs: number, nodeId: string): Hlc => formatHlc({ wallMs, counter: 0, nodeId })
const v = (hlc: Hlc, value: string, baseHlc: Hlc | null = null): FieldVersion => ({
  value,
  hlc,
  baseHlc,
  changeId: hlc,
})
const merge = (...vs: FieldVersion[]): FieldState | undefined =>
  vs.reduce<FieldState | undefined>((s, x) => mergeField(s, x).state, undefined)

describe('mergeField (last writer wins per field, conflicts kept)', () => {
  const a = v(h(1, 'a'), 'A')
  it('a knowing overwrite is not a conflict', () => {
    const b = v(h(2, 'b'), 'B', a.hlc)
    expect(merge(a, b)).toEqual({ winner: b, conflicts: [] })
  })
  it('a concurrent overwrite keeps the loser as a conflict, in either order', () => {
    const b = v(h(2, 'b'), 'B')
    expect(merge(a, b)).toEqual({ winner: b, conflicts: [a] })
    expect(merge(b, a)).toEqual({ winner: b, conflicts: [a] })
  })
  it('equal wall clocks are ordered by node id, deterministically', () => {
    const x = v(h(5, 'x'), 'X')
    const y = v(h(5, 'y'), 'Y')
    expect(merge(x, y)?.winner).toBe(y)
    expect(merge(y, x)?.winner).toBe(y)
  })
  it('re-applying a known version changes nothing', () => {
    const b = v(h(2, 'b'), 'B')
    const s = merge(a, b)
    expect(mergeField(s, a)).toMatchObject({ changed: false, state: s })
    expect(mergeField(s, b)).toMatchObject({ changed: false, state: s })
  })
  it('a change that saw a conflicting value resolves it', () => {
    const b = v(h(2, 'b'), 'B')
    const c = v(h(3, 'c'), 'C', a.hlc)
    expect(merge(a, b, c)).toEqual({ winner: c, conflicts: [b] })
  })
})

type Op =
  | { kind: 'write'; client: number; record: number; field: number; value: string; dt: number }
  | { kind: 'push'; client: number; partial: boolean }
  | { kind: 'pull'; client: number; limit: number }

const FIELDS = ['status', 'casemanager', 'deleted'] as const
const CLIENTS = 3

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    client: fc.nat(CLIENTS - 1),
    record: fc.nat(2),
    field: fc.nat(FIELDS.length - 1),
    value: fc.string({ maxLength: 3 }),
    dt: fc.integer({ min: -2000, max: 2000 }),
  }),
  fc.record({
    kind: fc.constant('push' as const),
    client: fc.nat(CLIENTS - 1),
    partial: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('pull' as const),
    client: fc.nat(CLIENTS - 1),
    limit: fc.integer({ min: 1, max: 5 }),
  }),
)

describe('convergence (property)', () => {
  it('any interleaving of several clients converges on every client and the server', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const server = simServer()
        const clients = Array.from({ length: CLIENTS }, (_, i) => simClient(`n${i}`))
        let now = 1_000_000
        for (const op of ops) {
          const c = clients[op.client]
          if (!c) continue
          if (op.kind === 'write') {
            now += 10
            const record = `d${op.record}`
            simWrite(c, now + op.dt, 'dossiers', record, record, {
              [FIELDS[op.field] ?? 'status']: op.value,
            })
          } else if (op.kind === 'push') {
            simPush(c, server, op.partial ? Math.floor(c.outbox.length / 2) : undefined)
          } else {
            simPull(c, server, now, op.limit)
          }
        }
        for (const c of clients) simPush(c, server)
        for (const c of clients) while (c.cursor < server.log.length) simPull(c, server, now + 5000)
        const expected = snapshot(server.replica)
        for (const c of clients) expect(snapshot(c.replica)).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})

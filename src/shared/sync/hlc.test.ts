import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareHlc,
  formatHlc,
  hlcClock,
  hlcNow,
  hlcReceive,
  HLC_MAX_DRIFT_MS,
  HlcError,
  parseHlc,
  type Hlc,
} from './hlc'

describe('hlc', () => {
  it('formats to a fixed-width string that parses back', () => {
    const h = formatHlc({ wallMs: 1_700_000_000_000, counter: 7, nodeId: 'node_A' })
    expect(h).toBe('001700000000000-00007-node_A')
    expect(parseHlc(h)).toEqual({ wallMs: 1_700_000_000_000, counter: 7, nodeId: 'node_A' })
    expect(parseHlc('1700-1-x')).toBeUndefined()
  })

  it('string order equals (wall, counter, node) order', () => {
    const part = fc.record({
      wallMs: fc.integer({ min: 0, max: 10 ** 14 }),
      counter: fc.integer({ min: 0, max: 99_999 }),
      nodeId: fc.stringMatching(/^[a-z]{1,4}$/),
    })
    fc.assert(
      fc.property(part, part, (a, b) => {
        const tuple =
          a.wallMs !== b.wallMs
            ? Math.sign(a.wallMs - b.wallMs)
            : a.counter !== b.counter
              ? Math.sign(a.counter - b.counter)
              : a.nodeId === b.nodeId
                ? 0
                : a.nodeId < b.nodeId
                  ? -1
                  : 1
        expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(tuple)
      }),
    )
  })

  it('hlcNow is strictly monotonic whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), (walls) => {
        let clock = hlcClock('a')
        let last: Hlc | undefined
        for (const w of walls) {
          const n = hlcNow(clock, w)
          if (last) expect(compareHlc(n.hlc, last)).toBe(1)
          last = n.hlc
          clock = n.clock
        }
      }),
    )
  })

  it('after receiving a remote timestamp, the next local one sorts after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 99_000 }),
        (local, remoteWall, counter) => {
          const remote = formatHlc({ wallMs: remoteWall, counter, nodeId: 'b' })
          const now = Math.max(local, remoteWall - HLC_MAX_DRIFT_MS)
          const clock = hlcReceive(hlcClock('a', local), remote, now)
          expect(compareHlc(hlcNow(clock, now).hlc, remote)).toBe(1)
        },
      ),
    )
  })

  it('rejects a remote clock more than five minutes ahead, and malformed input', () => {
    const ahead = formatHlc({ wallMs: HLC_MAX_DRIFT_MS + 1001, counter: 0, nodeId: 'b' })
    expect(() => hlcReceive(hlcClock('a'), ahead, 1000)).toThrow(HlcError)
    expect(() => hlcReceive(hlcClock('a'), 'nope' as Hlc, 1000)).toThrow(HlcError)
    expect(() => hlcClock('bad id')).toThrow(HlcError)
  })

  it('refuses to overflow the counter within one millisecond', () => {
    let clock = hlcClock('a', 5)
    for (let i = 0; i < 99_999; i++) clock = hlcNow(clock, 5).clock
    expect(() => hlcNow(clock, 5)).toThrow(/milliseconde/)
    expect(hlcNow(clock, 6).hlc).toBe('000000000000006-00000-a')
  })
})

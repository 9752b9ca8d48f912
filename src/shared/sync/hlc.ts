/**
 * Hybrid logical clock (Kulkarni et al. 2014; the shape follows Actual's `packages/crdt`).
 *
 * A timestamp is a string that sorts lexicographically in causal order:
 * `<wall ms, 15 digits>-<counter, 5 digits>-<nodeId>`. Time is an argument (style.md rule 2): every
 * function takes the wall clock reading and returns the next clock state; nothing here reads a clock.
 */

export type Hlc = string & { readonly __brand: 'Hlc' }

export type HlcParts = {
  readonly wallMs: number
  readonly counter: number
  readonly nodeId: string
}

/** The clock state a node keeps: the last timestamp it issued or saw. */
export type HlcClock = {
  readonly wallMs: number
  readonly counter: number
  readonly nodeId: string
}

/** Design constants from actual `timestamp.ts` (peers-and-sync.md §D). */
export const HLC_MAX_DRIFT_MS = 5 * 60 * 1000
export const HLC_MAX_COUNTER = 99_999
const WALL_DIGITS = 15
const COUNTER_DIGITS = 5
const NODE_ID = /^[A-Za-z0-9_]{1,64}$/
const HLC_PATTERN = /^(\d{15})-(\d{5})-([A-Za-z0-9_]{1,64})$/

export class HlcError extends Error {
  constructor(
    readonly code: 'clock-drift' | 'counter-overflow' | 'invalid-hlc' | 'invalid-node',
    message: string,
  ) {
    super(message)
  }
}

export function isNodeId(nodeId: string): boolean {
  return NODE_ID.test(nodeId)
}

export function hlcClock(nodeId: string, wallMs = 0): HlcClock {
  if (!isNodeId(nodeId)) throw new HlcError('invalid-node', `Ongeldige node-id: ${nodeId}`)
  return { wallMs, counter: 0, nodeId }
}

export function formatHlc(parts: HlcParts): Hlc {
  const wall = String(Math.trunc(parts.wallMs)).padStart(WALL_DIGITS, '0')
  const counter = String(parts.counter).padStart(COUNTER_DIGITS, '0')
  return `${wall}-${counter}-${parts.nodeId}` as Hlc
}

/** Parses a timestamp from outside (sync payloads); returns undefined when malformed. */
export function parseHlc(value: string): HlcParts | undefined {
  const m = HLC_PATTERN.exec(value)
  if (!m) return undefined
  return { wallMs: Number(m[1]), counter: Number(m[2]), nodeId: m[3] ?? '' }
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value)
}

/** Total order over timestamps: wall, then counter, then node id (all encoded in the string). */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0
}

function next(clock: HlcClock, wallMs: number, counter: number): { clock: HlcClock; hlc: Hlc } {
  if (counter > HLC_MAX_COUNTER) {
    throw new HlcError('counter-overflow', 'Te veel wijzigingen binnen één milliseconde.')
  }
  const c: HlcClock = { wallMs, counter, nodeId: clock.nodeId }
  return { clock: c, hlc: formatHlc(c) }
}

/** A timestamp for a local event (send). Monotonic even when the wall clock goes backwards. */
export function hlcNow(clock: HlcClock, nowMs: number): { clock: HlcClock; hlc: Hlc } {
  const wall = Math.max(clock.wallMs, nowMs)
  return next(clock, wall, wall === clock.wallMs ? clock.counter + 1 : 0)
}

/**
 * Merge a remote timestamp into the local clock (receive). Rejects a remote clock more than
 * HLC_MAX_DRIFT_MS ahead of the local wall clock, so one wrong laptop clock cannot pull every
 * future timestamp forward (actual #5010).
 */
export function hlcReceive(clock: HlcClock, remote: Hlc, nowMs: number): HlcClock {
  const r = parseHlc(remote)
  if (!r) throw new HlcError('invalid-hlc', `Ongeldige tijdstempel: ${remote}`)
  if (r.wallMs - nowMs > HLC_MAX_DRIFT_MS) {
    throw new HlcError('clock-drift', 'De klok van een ander apparaat loopt te ver voor.')
  }
  const wall = Math.max(clock.wallMs, r.wallMs, nowMs)
  let counter: number
  if (wall === clock.wallMs && wall === r.wallMs) counter = Math.max(clock.counter, r.counter) + 1
  else if (wall === clock.wallMs) counter = clock.counter + 1
  else if (wall === r.wallMs) counter = r.counter + 1
  else counter = 0
  return next(clock, wall, counter).clock
}

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

/**
 * Remembers the window's size, position and maximised state in a small JSON file under
 * `app.getPath('userData')`. The file is validated on load (it is user-editable and may be
 * stale), the bounds are clamped to the displays that exist now, and writes are debounced.
 */

export type Rect = {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export type WindowState = { readonly bounds: Rect; readonly maximized: boolean }

/** What to pass to `new BrowserWindow`: no x/y means "let the OS centre it". */
export type InitialWindowState = {
  readonly bounds: {
    readonly x?: number
    readonly y?: number
    readonly width: number
    readonly height: number
  }
  readonly maximized: boolean
}

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const
export const MIN_SIZE = { width: 900, height: 600 } as const
/** How much of the window must lie on a display for the stored position to be kept. */
const MIN_VISIBLE = { width: 120, height: 60 } as const

const coordinate = z.number().int().min(-100_000).max(100_000)
const length = z.number().int().min(1).max(100_000)

const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
})

/** Parses stored JSON text; anything malformed or out of range yields `null`. */
export function parseWindowState(text: string): WindowState | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const r = windowStateSchema.safeParse(json)
  return r.success ? r.data : null
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max)

/**
 * Fits a stored state onto the current displays (their work areas, primary first). A window
 * that would be (nearly) off-screen, e.g. on a monitor that was unplugged, loses its position
 * and is centred; its size never exceeds the work area it lands on.
 */
export function fitToDisplays(
  stored: WindowState | null,
  workAreas: readonly Rect[],
): InitialWindowState {
  const primary = workAreas[0]
  const fitSize = (w: number, h: number, area: Rect | undefined) => ({
    width: area
      ? clamp(w, Math.min(MIN_SIZE.width, area.width), area.width)
      : Math.max(w, MIN_SIZE.width),
    height: area
      ? clamp(h, Math.min(MIN_SIZE.height, area.height), area.height)
      : Math.max(h, MIN_SIZE.height),
  })
  if (stored === null) {
    return { bounds: fitSize(DEFAULT_SIZE.width, DEFAULT_SIZE.height, primary), maximized: false }
  }
  const { bounds } = stored
  let best: { area: Rect; visible: number } | undefined
  for (const area of workAreas) {
    const overlap = intersection(bounds, area)
    if (overlap.width < MIN_VISIBLE.width || overlap.height < MIN_VISIBLE.height) continue
    const visible = overlap.width * overlap.height
    if (!best || visible > best.visible) best = { area, visible }
  }
  if (!best) {
    return { bounds: fitSize(bounds.width, bounds.height, primary), maximized: stored.maximized }
  }
  const { area } = best
  const size = fitSize(bounds.width, bounds.height, area)
  return {
    bounds: {
      x: clamp(bounds.x, area.x, area.x + area.width - size.width),
      y: clamp(bounds.y, area.y, area.y + area.height - size.height),
      ...size,
    },
    maximized: stored.maximized,
  }
}

/** Reads the state file; a missing, unreadable or invalid file yields `null`. */
export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Writes the state file atomically (temp file, then rename). Failures are swallowed. */
export function saveWindowState(file: string, state: WindowState): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true })
    const tmp = `${file}.tmp`
    writeFileSync(tmp, JSON.stringify(state), 'utf8')
    renameSync(tmp, file)
    return true
  } catch {
    return false
  }
}

/** The slice of `BrowserWindow` the tracker reads. */
export type TrackableWindow = {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  getNormalBounds(): Rect
  isMaximized(): boolean
}

export type Timers = {
  readonly setTimeout: (fn: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: unknown) => void
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * Saves the window's state `debounceMs` after the last move or resize, and at once on close.
 * Returns `flush`, which writes any pending state now.
 */
export function trackWindowState(
  win: TrackableWindow,
  opts: { readonly file: string; readonly debounceMs?: number; readonly timers?: Timers },
): { flush: () => void } {
  const timers = opts.timers ?? realTimers
  const debounceMs = opts.debounceMs ?? 500
  let pending: { readonly handle: unknown } | undefined
  const write = () => {
    pending = undefined
    saveWindowState(opts.file, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
  }
  const schedule = () => {
    if (pending) timers.clearTimeout(pending.handle)
    pending = { handle: timers.setTimeout(write, debounceMs) }
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, schedule)
  const flush = () => {
    if (pending) timers.clearTimeout(pending.handle)
    write()
  }
  win.on('close', flush)
  return { flush }
}

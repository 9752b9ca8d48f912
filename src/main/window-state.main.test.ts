import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_SIZE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  trackWindowState,
  type Rect,
  type Timers,
  type TrackableWindow,
  type WindowState,
} from './window-state.main'

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hervat-window-state-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('window state file', () => {
  it('round-trips through a file in a folder that does not exist yet', () => {
    const file = join(dir, 'nested', 'window-state.json')
    const state: WindowState = {
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: true,
    }
    expect(saveWindowState(file, state)).toBe(true)
    expect(loadWindowState(file)).toEqual(state)
  })

  it('yields null for a missing, corrupt or implausible file', () => {
    expect(loadWindowState(join(dir, 'missing.json'))).toBeNull()
    const file = join(dir, 'window-state.json')
    for (const text of [
      '{not json',
      'null',
      '[]',
      '{"bounds":{"x":0,"y":0,"width":800},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}',
      '{"bounds":{"x":1e9,"y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":0.5,"y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":"yes"}',
    ]) {
      writeFileSync(file, text)
      expect(loadWindowState(file), text).toBeNull()
    }
  })

  it('ignores unknown keys it may have written in another version', () => {
    expect(
      parseWindowState(
        '{"bounds":{"x":1,"y":2,"width":900,"height":600},"maximized":false,"zoom":1}',
      ),
    ).toEqual({ bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: false })
  })
})

describe('fitToDisplays', () => {
  it('starts at the default size, centred, when nothing was stored', () => {
    expect(fitToDisplays(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('keeps a window that is on a display', () => {
    const stored = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: true }
    expect(fitToDisplays(stored, [laptop, rightMonitor])).toEqual(stored)
  })

  it('centres a window whose monitor was unplugged', () => {
    const stored = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: false }
    expect(fitToDisplays(stored, [laptop])).toEqual({
      bounds: { width: 1400, height: 900 },
      maximized: false,
    })
  })

  it('pulls a window that hangs over the edge back onto its display', () => {
    const stored = { bounds: { x: 1700, y: 900, width: 1000, height: 600 }, maximized: false }
    expect(fitToDisplays(stored, [laptop]).bounds).toEqual({
      x: 920,
      y: 440,
      width: 1000,
      height: 600,
    })
  })

  it('never makes a window larger than the work area it lands on', () => {
    const stored = { bounds: { x: 0, y: 0, width: 4000, height: 3000 }, maximized: false }
    expect(fitToDisplays(stored, [laptop]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    })
  })

  it('uses the display that shows most of the window', () => {
    const stored = { bounds: { x: 1800, y: 0, width: 1000, height: 700 }, maximized: false }
    expect(fitToDisplays(stored, [laptop, rightMonitor]).bounds).toEqual({
      x: 1920,
      y: 0,
      width: 1000,
      height: 700,
    })
  })

  it('raises a stored size below the minimum', () => {
    const stored = { bounds: { x: 100, y: 100, width: 300, height: 200 }, maximized: false }
    expect(fitToDisplays(stored, [laptop]).bounds).toEqual({
      x: 100,
      y: 100,
      width: 900,
      height: 600,
    })
  })

  it('copes with a display smaller than the minimum window size', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 }
    expect(fitToDisplays(null, [tiny]).bounds).toEqual({ width: 800, height: 560 })
  })
})

/** Timers the test advances by hand: no sleeping. */
function manualTimers(): Timers & { runAll: () => void; pending: () => number } {
  let next = 1
  const queue = new Map<number, () => void>()
  return {
    setTimeout: (fn) => {
      queue.set(next, fn)
      return next++
    },
    clearTimeout: (handle) => void queue.delete(handle as number),
    runAll: () => {
      const fns = [...queue.values()]
      queue.clear()
      for (const fn of fns) fn()
    },
    pending: () => queue.size,
  }
}

function fakeWindow(bounds: Rect) {
  const listeners = new Map<string, (() => void)[]>()
  const win: TrackableWindow & { bounds: Rect; maximized: boolean; emit: (e: string) => void } = {
    bounds,
    maximized: false,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return win
    },
    getNormalBounds: () => win.bounds,
    isMaximized: () => win.maximized,
    emit: (e) => listeners.get(e)?.forEach((fn) => fn()),
  }
  return win
}

describe('trackWindowState', () => {
  it('debounces saves while the window moves and writes once', () => {
    const file = join(dir, 'window-state.json')
    const timers = manualTimers()
    const win = fakeWindow({ x: 0, y: 0, width: 1000, height: 700 })
    trackWindowState(win, { file, timers })
    for (let i = 1; i <= 5; i++) {
      win.bounds = { x: i * 10, y: 0, width: 1000, height: 700 }
      win.emit('move')
    }
    expect(timers.pending()).toBe(1)
    expect(loadWindowState(file)).toBeNull()
    timers.runAll()
    expect(loadWindowState(file)).toEqual({
      bounds: { x: 50, y: 0, width: 1000, height: 700 },
      maximized: false,
    })
  })

  it('writes at once on close, including the maximised flag and the normal bounds', () => {
    const file = join(dir, 'window-state.json')
    const timers = manualTimers()
    const win = fakeWindow({ x: 5, y: 6, width: 1100, height: 750 })
    trackWindowState(win, { file, timers })
    win.maximized = true
    win.emit('maximize')
    win.emit('close')
    expect(timers.pending()).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      bounds: { x: 5, y: 6, width: 1100, height: 750 },
      maximized: true,
    })
  })
})

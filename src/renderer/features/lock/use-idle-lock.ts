import { useEffect } from 'react'
import { repos } from '../../app/services'
import { useLive } from '../../storage/live'

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

/** Calls `lock` after the configured minutes without keyboard, mouse or touch. */
export function useIdleLock(lock: () => void): void {
  const minutes = useLive(async () => (await repos.settings.get()).lockAfterMinutes, [])
  useEffect(() => {
    if (minutes === undefined) return
    const ms = minutes * 60_000
    let last = Date.now()
    const onActivity = () => {
      last = Date.now()
    }
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true })
    // A check every few seconds (not one long timer): a laptop that slept past the limit locks
    // as soon as it wakes.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= ms) lock()
    }, 5_000)
    return () => {
      window.clearInterval(timer)
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity)
    }
  }, [minutes, lock])
}

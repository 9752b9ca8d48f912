import { repos } from '../app/services'
import { createSyncEngine } from './engine'
import { useSyncState } from './store'

/** The window's one sync engine, on the window's repositories and the platform bridge. */
export const syncEngine = createSyncEngine({
  repo: repos.sync,
  fetch: (url, init) => fetch(url, init),
  now: () => new Date(),
  isOnline: () => navigator.onLine,
  timers: {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
  deviceName: `Hervat op ${navigator.platform || 'deze computer'}`,
  setState: (patch) => useSyncState.setState(patch),
})

let stop: (() => void) | null = null

/**
 * Starts syncing for this window (once): restores the session, follows the browser's online/offline events, and pushes shortly after local writes
 * (it watches the outbox). Without a server the app simply works on locally.
 */
export function startSync(): () => void {
  if (stop) return stop
  const online = () => syncEngine.online()
  const offline = () => syncEngine.offline()
  window.addEventListener('online', online)
  window.addEventListener('offline', offline)
  const unwatch = repos.sync.watchPending((n) => syncEngine.localWrite(n))
  void syncEngine.start()
  stop = () => {
    window.removeEventListener('online', online)
    window.removeEventListener('offline', offline)
    unwatch()
    syncEngine.stop()
    stop = null
  }
  return stop
}

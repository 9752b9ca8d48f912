import { create } from 'zustand'
import { lockSession } from '../../app/services'
import type { LockState } from '../../storage/keystore'

type LockStore = {
  readonly state: LockState | { readonly kind: 'loading' }
  /** Reads whether a passphrase exists and whether a wait is pending. */
  readonly refresh: () => Promise<void>
  readonly unlocked: () => void
  /** Locks now: the key is dropped and the app tree unmounts (nothing personal on screen). */
  readonly lock: () => void
}

export const useLock = create<LockStore>((set) => ({
  state: { kind: 'loading' },
  refresh: async () => set({ state: await lockSession.state() }),
  unlocked: () => set({ state: { kind: 'unlocked' } }),
  lock: () => {
    const remembered = lockSession.lock()
    set({ state: { kind: 'locked', osKey: false } })
    void remembered
      .catch(() => undefined)
      .then(() => lockSession.state())
      .then((state) => set({ state }))
  },
}))

/** For a button or menu item anywhere in the app. */
export const lockNow = () => useLock.getState().lock()

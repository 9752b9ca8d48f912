import { create } from 'zustand'
import type { OpenedFile } from '../../../shared/ipc/contract'
import { api } from '../../platform/api'

/**
 * A backup file the OS asked Hervat to open (a double-clicked `.hervat` file, or one given on
 * the command line), handed over by main once the app is unlocked. The Gegevens page takes it
 * and shows the restore confirmation; nothing changes before the user confirms.
 */
export const useOpenedBackup = create<{
  readonly file: OpenedFile | null
  readonly error: string | null
}>(() => ({ file: null, error: null }))

/** Takes a waiting file from main; true when there was one (or it could not be read). */
export async function receiveOpenedBackup(): Promise<boolean> {
  try {
    const file = await api.takeOpenedBackup()
    if (!file) return false
    useOpenedBackup.setState({ file, error: null })
  } catch (e) {
    useOpenedBackup.setState({ file: null, error: e instanceof Error ? e.message : String(e) })
  }
  return true
}

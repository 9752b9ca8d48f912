import { create } from 'zustand'
import { INITIAL_SYNC_STATE, type SyncState } from './engine'

/** The sync state the UI shows (sidebar, sync screen, dossiers); only the engine writes it. */
export const useSyncState = create<SyncState>(() => INITIAL_SYNC_STATE)

import type { HervatApi } from '../../shared/ipc/contract'
import { createBrowserApi } from './browser-api'

/**
 * The desktop bridge for the whole UI: the preload's `window.hervat` in Electron, the browser
 * implementation of the same contract elsewhere. Import `api` from here, never `window.hervat`.
 */
export const api: HervatApi = window.hervat ?? createBrowserApi()

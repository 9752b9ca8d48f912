import type { HervatApi } from '../shared/ipc/contract'

// The renderer sees the bridge only through this declaration (tsconfig.web.json includes
// src/preload/*.d.ts). `interface` because only an interface merges into the global Window.
declare global {
  interface Window {
    /** Present in the Electron window; absent in a plain browser (see src/renderer/platform). */
    readonly hervat?: HervatApi
  }
}

export {}

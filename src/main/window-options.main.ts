import type { BrowserWindowConstructorOptions, Rectangle } from 'electron'

/**
 * The options of Hervat's one window. Every hardening flag is spelled out even where it is
 * Electron's default, so a reader (and the test beside this file) sees it, and an upgrade that
 * changes a default changes nothing here.
 */
export function createWindowOptions(opts: {
  readonly preloadPath: string
  readonly bounds?: Partial<Rectangle>
  readonly dev: boolean
}): BrowserWindowConstructorOptions {
  return {
    ...opts.bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'Hervat',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: opts.dev,
    },
  }
}

import { describe, expect, it } from 'vitest'
import { createWindowOptions } from './window-options.main'

describe('window options', () => {
  const options = createWindowOptions({
    preloadPath: '/app/out/preload/index.js',
    bounds: { width: 1200, height: 800 },
    dev: false,
  })

  it('sets every hardening flag explicitly', () => {
    expect(options.webPreferences).toMatchObject({
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
      spellcheck: true,
    })
  })

  it('loads the preload and no other script', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.js')
    expect(options.webPreferences).not.toHaveProperty('additionalArguments')
  })

  it('offers developer tools only in development', () => {
    expect(options.webPreferences?.devTools).toBe(false)
    const dev = createWindowOptions({ preloadPath: '/p.js', dev: true })
    expect(dev.webPreferences?.devTools).toBe(true)
  })

  it('uses the remembered bounds and waits for ready-to-show', () => {
    expect(options).toMatchObject({ width: 1200, height: 800, show: false })
  })
})

import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Configuration } from 'electron-builder'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'

/*
 * The packaging configuration, checked with electron-builder's own schema validation (the step
 * `electron-builder` runs before anything is downloaded or built). Building the installers
 * themselves needs Electron's binary and packaging tools from GitHub, which these machines
 * cannot reach; see docs/adr/0014 for what was built where.
 */

async function loadConfig(env: Record<string, string> = {}): Promise<Configuration> {
  vi.resetModules()
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v)
  const mod = (await import('../../electron-builder.config')) as { default: Configuration }
  return mod.default
}

/** electron-builder's debug log, switched off (the validator only reads `isEnabled`). */
const quietLog = { isEnabled: false, data: new Map(), add: () => undefined, save: async () => {} }
const validate = (config: Configuration) => validateConfiguration(config, quietLog)

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file)
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [b.readUInt32BE(16), b.readUInt32BE(20)]
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined()
  })

  it('the validation is real: a misspelt option is refused', async () => {
    const config = await loadConfig()
    const broken = { ...config, nsis: { ...config.nsis, oneClik: false } } as Configuration
    await expect(validate(broken)).rejects.toThrow(/configuration\.nsis/)
  })

  it('builds AppImage and deb, NSIS and dmg under the name Hervat', async () => {
    const c = await loadConfig()
    expect(c.productName).toBe('Hervat')
    expect(c.appId).toBe('nl.hervat.app')
    expect(c.linux?.target).toEqual(['AppImage', 'deb'])
    expect(JSON.stringify(c.win?.target)).toContain('"nsis"')
    expect(c.mac?.target).toContain('dmg')
    // electron-updater updates a Mac app from its zip, not from the dmg.
    expect(c.mac?.target).toContain('zip')
  })

  it('the Windows installer speaks Dutch only', async () => {
    const c = await loadConfig()
    expect(c.nsis?.installerLanguages).toEqual(['nl_NL'])
    expect(c.nsis?.language).toBe('1043')
    expect(c.nsis?.multiLanguageInstaller).toBe(false)
  })

  it('registers .hervat backup files with the app', async () => {
    const c = await loadConfig()
    expect(c.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'hervat', name: 'Hervat-reservekopie' }),
    ])
  })

  it('holds no signing material; the feed and the Windows publisher come from the environment', async () => {
    const plain = await loadConfig()
    const text = JSON.stringify(plain)
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword']) {
      expect(text).not.toContain(key)
    }
    expect(plain.publish).toBeNull()

    const org = await loadConfig({
      HERVAT_UPDATE_URL: 'https://sync.bureau.example/updates/stable',
      HERVAT_WIN_PUBLISHER: 'Bureau Voorbeeld B.V.',
    })
    expect(org.publish).toEqual([
      { provider: 'generic', url: 'https://sync.bureau.example/updates/stable', channel: 'latest' },
    ])
    expect(org.win?.signtoolOptions?.publisherName).toBe('Bureau Voorbeeld B.V.')
    await expect(validate(org)).resolves.toBeUndefined()
  })
})

describe('icons in resources/', () => {
  it('Linux: a square PNG in every size from 16 to 1024 pixels', () => {
    for (const s of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(`resources/icons/${s}x${s}.png`)).toEqual([s, s])
    }
    expect(pngSize('resources/icon.png')).toEqual([1024, 1024])
  })

  it('Windows: an .ico with a 256-pixel image (NSIS requires it) down to 16', () => {
    const ico = readFileSync('resources/icon.ico')
    expect(ico.readUInt16LE(2)).toBe(1) // type: icon
    const count = ico.readUInt16LE(4)
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256)
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })

  it('macOS: an .icns with the 512 and 1024 pixel images a Retina dock uses', () => {
    const icns = readFileSync('resources/icon.icns')
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.byteLength)
    const types: string[] = []
    for (let at = 8; at < icns.byteLength; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.subarray(at, at + 4).toString('latin1'))
    }
    expect(types).toEqual(expect.arrayContaining(['ic09', 'ic10']))
  })
})

import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'

// Rendered on the server side of React: the effects (which ask the bridge) do not run.
vi.mock('../../platform/api', () => ({ api: {} }))
const { AboutDialog, dataFolderText } = await import('./AboutDialog')

describe('"Over Hervat"', () => {
  it('names the data folder the desktop app reports, and says where a browser keeps the data', () => {
    expect(
      dataFolderText({ version: '0.1.0', platform: 'electron', dataFolder: 'C:\\Hervat' }),
    ).toBe('C:\\Hervat')
    expect(dataFolderText({ version: '0.1.0', platform: 'browser' })).toMatch(/IndexedDB/)
  })

  it('is a labelled dialog listing every bundled library with its licence', () => {
    const html = renderToStaticMarkup(<AboutDialog onClose={() => undefined} />)
    expect(html).toContain('role="dialog"')
    expect(html).toContain('Over Hervat')
    expect(html).toMatch(/dexie [0-9.]+: Apache-2.0/)
    expect(html).toMatch(/react [0-9.]+: MIT/)
    expect(html).toContain('Sluiten')
  })
})

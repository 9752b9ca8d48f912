import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES } from './contract'
import { validateIpcArgs } from './validate'

const bytes = new Uint8Array([1, 2, 3])
const saveReq = {
  suggestedName: 'hervat-backup-2026-11-22.json',
  mimeType: 'application/json',
  data: bytes,
}
const openReq = {
  title: 'Back-up importeren',
  filters: [{ name: 'Hervat-back-up', extensions: ['json'] }],
}

/** A Uint8Array that claims to be huge without allocating 200 MB. */
function oversized(): Uint8Array {
  const data = new Uint8Array(1)
  Object.defineProperty(data, 'byteLength', { value: MAX_FILE_BYTES + 1 })
  return data
}

describe('validateIpcArgs', () => {
  it('accepts well-formed arguments of every capability and returns them typed', () => {
    expect(validateIpcArgs.appInfo([])).toEqual({ ok: true, value: [] })
    const saved = validateIpcArgs.saveFile([saveReq])
    expect(saved.ok && saved.value[0].data).toBe(bytes)
    expect(validateIpcArgs.openFile([openReq]).ok).toBe(true)
    expect(validateIpcArgs.openFile([{ title: 'x', filters: [] }]).ok).toBe(true)
    expect(validateIpcArgs.notify([{ title: 'Termijn', body: '' }]).ok).toBe(true)
    expect(validateIpcArgs.openExternal(['https://www.uwv.nl/']).ok).toBe(true)
    // The allowlist is the handler's business; the validator only checks it is a URL.
    expect(validateIpcArgs.openExternal(['https://example.org/']).ok).toBe(true)
  })

  it.each([
    ['appInfo with an argument', () => validateIpcArgs.appInfo([1])],
    ['saveFile without arguments', () => validateIpcArgs.saveFile([])],
    ['saveFile with two arguments', () => validateIpcArgs.saveFile([saveReq, saveReq])],
    ['saveFile with null', () => validateIpcArgs.saveFile([null])],
    ['saveFile data as array', () => validateIpcArgs.saveFile([{ ...saveReq, data: [1, 2, 3] }])],
    ['saveFile data as string', () => validateIpcArgs.saveFile([{ ...saveReq, data: 'abc' }])],
    [
      'saveFile data as ArrayBuffer',
      () => validateIpcArgs.saveFile([{ ...saveReq, data: new ArrayBuffer(3) }]),
    ],
    [
      'saveFile data over 200 MB',
      () => validateIpcArgs.saveFile([{ ...saveReq, data: oversized() }]),
    ],
    [
      'saveFile name with a folder',
      () => validateIpcArgs.saveFile([{ ...saveReq, suggestedName: '../x.json' }]),
    ],
    [
      'saveFile name with a backslash',
      () => validateIpcArgs.saveFile([{ ...saveReq, suggestedName: 'a\\b.json' }]),
    ],
    ['saveFile name ..', () => validateIpcArgs.saveFile([{ ...saveReq, suggestedName: '..' }])],
    [
      'saveFile name with NUL',
      () => validateIpcArgs.saveFile([{ ...saveReq, suggestedName: 'a\0.json' }]),
    ],
    ['saveFile empty name', () => validateIpcArgs.saveFile([{ ...saveReq, suggestedName: '' }])],
    ['saveFile bad MIME type', () => validateIpcArgs.saveFile([{ ...saveReq, mimeType: 'json' }])],
    ['saveFile unknown key', () => validateIpcArgs.saveFile([{ ...saveReq, path: '/etc/passwd' }])],
    ['openFile title not a string', () => validateIpcArgs.openFile([{ ...openReq, title: 7 }])],
    ['openFile empty title', () => validateIpcArgs.openFile([{ ...openReq, title: '  ' }])],
    [
      'openFile extension with a dot',
      () =>
        validateIpcArgs.openFile([{ ...openReq, filters: [{ name: 'x', extensions: ['.json'] }] }]),
    ],
    [
      'openFile filters not an array',
      () => validateIpcArgs.openFile([{ ...openReq, filters: 'json' }]),
    ],
    ['notify without body', () => validateIpcArgs.notify([{ title: 'x' }])],
    [
      'notify body too long',
      () => validateIpcArgs.notify([{ title: 'x', body: 'a'.repeat(2001) }]),
    ],
    [
      'openExternal not a string',
      () => validateIpcArgs.openExternal([{ href: 'https://www.uwv.nl' }]),
    ],
    ['openExternal not a URL', () => validateIpcArgs.openExternal(['www.uwv.nl'])],
    ['openExternal with whitespace', () => validateIpcArgs.openExternal([' https://www.uwv.nl'])],
    [
      'openExternal too long',
      () => validateIpcArgs.openExternal([`https://www.uwv.nl/${'a'.repeat(2100)}`]),
    ],
    ['protectDataKey with a short key', () => validateIpcArgs.protectDataKey([new Uint8Array(16)])],
    ['protectDataKey with a string', () => validateIpcArgs.protectDataKey(['k'.repeat(32)])],
    ['unprotectDataKey empty', () => validateIpcArgs.unprotectDataKey([new Uint8Array(0)])],
    ['unprotectDataKey too large', () => validateIpcArgs.unprotectDataKey([new Uint8Array(2000)])],
  ])('refuses %s', (_name, run) => {
    const r = run()
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.kind).toBe('validation')
  })

  it('names the offending field', () => {
    const r = validateIpcArgs.saveFile([{ ...saveReq, data: oversized() }])
    expect(r).toMatchObject({
      ok: false,
      error: { field: 'args.0.data', message: expect.stringContaining('200 MB') },
    })
  })
})

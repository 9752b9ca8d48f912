import { describe, expect, it } from 'vitest'
import {
  EVENT_CHANNELS,
  INVOKE_CAPABILITIES,
  INVOKE_CHANNELS,
  isMenuCommand,
  MENU_COMMANDS,
} from './contract'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './csp'

describe('IPC contract', () => {
  it('gives every capability its own channel', () => {
    const channels = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)]
    expect(new Set(channels).size).toBe(channels.length)
    expect(INVOKE_CAPABILITIES).toEqual([
      'appInfo',
      'saveFile',
      'openFile',
      'notify',
      'openExternal',
      'protectDataKey',
      'unprotectDataKey',
      'updateStatus',
      'installUpdate',
      'takeOpenedBackup',
      'setOverdueCount',
    ])
  })

  it('recognises exactly the menu commands', () => {
    for (const cmd of MENU_COMMANDS) expect(isMenuCommand(cmd)).toBe(true)
    for (const v of ['quit', 'NEW-DOSSIER', '', null, 1, { cmd: 'lock' }]) {
      expect(isMenuCommand(v)).toBe(false)
    }
  })
})

describe('content security policy', () => {
  it('is strict: own scripts only, no objects, no framing, local sync server only', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' https: http://127.0.0.1:* http://localhost:*; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
  })

  it('leaves header-only directives out of the meta variant', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors')
    expect(CONTENT_SECURITY_POLICY.startsWith(META_CONTENT_SECURITY_POLICY)).toBe(true)
  })
})

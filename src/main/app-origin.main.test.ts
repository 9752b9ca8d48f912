import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_ORIGIN, appLocation, isAppUrl, originOf } from './app-origin.main'

describe('app origin', () => {
  it('derives origins of http(s) and the app scheme only', () => {
    expect(originOf('app://hervat/index.html#/dossier/1')).toBe('app://hervat')
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173')
    expect(originOf('file:///tmp/index.html')).toBeNull()
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('javascript:alert(1)')).toBeNull()
    expect(originOf('data:text/html,x')).toBeNull()
    expect(originOf('app://user@hervat/')).toBeNull()
    expect(originOf('not a url')).toBeNull()
    expect(originOf(undefined)).toBeNull()
  })

  it('compares host and port exactly', () => {
    expect(isAppUrl('app://hervat/assets/a.js', APP_ORIGIN)).toBe(true)
    expect(isAppUrl('app://hervat.evil/', APP_ORIGIN)).toBe(false)
    expect(isAppUrl('app://other/', APP_ORIGIN)).toBe(false)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('serves the packaged app from app://hervat, whatever the environment says', () => {
    const packaged = appLocation({ isPackaged: true, rendererUrl: 'http://localhost:5173' })
    expect(packaged).toEqual({ entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN, dev: false })
  })

  it('uses the dev server only when unpackaged and on this machine', () => {
    expect(appLocation({ isPackaged: false, rendererUrl: 'http://localhost:5173' })).toEqual({
      entryUrl: 'http://localhost:5173',
      origin: 'http://localhost:5173',
      dev: true,
    })
    expect(appLocation({ isPackaged: false, rendererUrl: 'https://evil.example/' }).dev).toBe(false)
    expect(appLocation({ isPackaged: false, rendererUrl: undefined }).origin).toBe(APP_ORIGIN)
  })
})

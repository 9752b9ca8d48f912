import { describe, expect, it } from 'vitest'
import {
  decidePermissionCheck,
  decidePermissionRequest,
  guardNavigation,
  handleWindowOpen,
  hardenWebContents,
  openAllowedExternal,
  withContentSecurityPolicy,
  type HardenableWebContents,
  type NavigationEvent,
  type PreventableEvent,
} from './security.main'
import { CONTENT_SECURITY_POLICY } from '../shared/ipc/csp'

const APP = 'app://hervat'

function fakeOpener() {
  const opened: string[] = []
  return { opened, openExternal: async (url: string) => void opened.push(url) }
}

function navigation(url: string): NavigationEvent & { prevented: boolean } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true
    },
  }
}

/** Records what `hardenWebContents` registers, so the test can fire the events. */
function fakeWebContents() {
  const listeners = new Map<string, (event: never) => void>()
  let windowOpen: ((details: { url: string }) => { action: 'deny' }) | undefined
  const contents: HardenableWebContents = {
    on(event: string, listener: (event: never) => void) {
      listeners.set(event, listener)
      return contents
    },
    setWindowOpenHandler(handler) {
      windowOpen = handler
    },
  }
  return {
    contents,
    fire: (name: string, event: NavigationEvent | PreventableEvent) =>
      (listeners.get(name) as ((e: typeof event) => void) | undefined)?.(event),
    registered: () => [...listeners.keys()],
    openWindow: (url: string) => windowOpen?.({ url }),
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('navigation guard', () => {
  it('lets the page move within its own origin', () => {
    const { openExternal, opened } = fakeOpener()
    const event = navigation('app://hervat/index.html#/caseload')
    guardNavigation(event, { appOrigin: APP, openExternal })
    expect(event.prevented).toBe(false)
    expect(opened).toEqual([])
  })

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'app://other/index.html',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'about:blank',
  ])('stops navigation to %s and opens nothing', async (url) => {
    const { openExternal, opened } = fakeOpener()
    const event = navigation(url)
    guardNavigation(event, { appOrigin: APP, openExternal })
    await flush()
    expect(event.prevented).toBe(true)
    expect(opened).toEqual([])
  })

  it('sends an allowlisted link to the browser instead of navigating', async () => {
    const { openExternal, opened } = fakeOpener()
    const event = navigation('https://www.uwv.nl/werkgevers')
    guardNavigation(event, { appOrigin: APP, openExternal })
    await flush()
    expect(event.prevented).toBe(true)
    expect(opened).toEqual(['https://www.uwv.nl/werkgevers'])
  })
})

describe('window.open handler', () => {
  it('denies every new window, and opens allowlisted links outside', async () => {
    const { openExternal, opened } = fakeOpener()
    const opts = { appOrigin: APP, openExternal }
    expect(handleWindowOpen({ url: 'https://www.uwv.nl.evil.com/' }, opts)).toEqual({
      action: 'deny',
    })
    expect(handleWindowOpen({ url: 'app://hervat/index.html' }, opts)).toEqual({ action: 'deny' })
    expect(handleWindowOpen({ url: 'https://wetten.overheid.nl/BWBR0013063' }, opts)).toEqual({
      action: 'deny',
    })
    await flush()
    expect(opened).toEqual(['https://wetten.overheid.nl/BWBR0013063'])
  })

  it('reports false when the OS refuses to open a link', async () => {
    const refuse = async () => {
      throw new Error('geen browser')
    }
    expect(await openAllowedExternal('https://www.uwv.nl/', refuse)).toBe(false)
    expect(await openAllowedExternal('https://evil.example/', async () => undefined)).toBe(false)
  })
})

describe('hardenWebContents', () => {
  it('guards navigation, redirects, frames, webviews and new windows', async () => {
    const { openExternal, opened } = fakeOpener()
    const wc = fakeWebContents()
    hardenWebContents(wc.contents, { appOrigin: APP, openExternal })
    expect(wc.registered().sort()).toEqual(
      ['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect'].sort(),
    )
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const away = navigation('https://evil.example/')
      wc.fire(name, away)
      expect(away.prevented).toBe(true)
      const home = navigation('app://hervat/index.html')
      wc.fire(name, home)
      expect(home.prevented).toBe(false)
    }
    const webview = navigation('app://hervat/index.html')
    wc.fire('will-attach-webview', webview)
    expect(webview.prevented).toBe(true)
    expect(wc.openWindow('https://www.autoriteitpersoonsgegevens.nl/')).toEqual({ action: 'deny' })
    await flush()
    expect(opened).toEqual(['https://www.autoriteitpersoonsgegevens.nl/'])
  })
})

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'openExternal',
    'clipboard-read',
    'fullscreen',
    'hid',
    'unknown',
  ])('refuses %s, even to the app', (permission) => {
    expect(decidePermissionRequest(permission, 'app://hervat/index.html', APP)).toBe(false)
    expect(decidePermissionCheck(permission, 'app://hervat', APP)).toBe(false)
  })

  it('grants notifications and sanitised clipboard writes to the app only', () => {
    expect(decidePermissionRequest('notifications', 'app://hervat/index.html', APP)).toBe(true)
    expect(decidePermissionRequest('clipboard-sanitized-write', 'app://hervat/', APP)).toBe(true)
    expect(decidePermissionRequest('notifications', 'https://evil.example/', APP)).toBe(false)
    expect(decidePermissionRequest('notifications', undefined, APP)).toBe(false)
    expect(decidePermissionCheck('notifications', 'app://hervat', APP)).toBe(true)
    expect(decidePermissionCheck('notifications', 'file://', APP)).toBe(false)
  })
})

describe('CSP header', () => {
  it('replaces any policy on the app’s own responses', () => {
    const r = withContentSecurityPolicy(
      {
        url: 'app://hervat/index.html',
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      },
      APP,
    )
    expect(r.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })

  it('leaves other responses alone', () => {
    expect(
      withContentSecurityPolicy({ url: 'http://127.0.0.1:8787/sync', responseHeaders: {} }, APP),
    ).toEqual({
      cancel: false,
    })
  })
})

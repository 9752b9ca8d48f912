import { describe, expect, it } from 'vitest'
import { syncHttp } from './http'

describe('sync HTTP client', () => {
  it('keeps no answer in the browser cache: pulls, blobs and logins hold dossiers and tokens', async () => {
    const seen: { url: string; cache: RequestCache | undefined }[] = []
    const http = syncHttp(async (url, init) => {
      seen.push({ url, cache: init?.cache })
      return new Response(JSON.stringify({ changes: [], cursor: 0, hasMore: false }), {
        status: 200,
      })
    }, 'https://sync.bureau.nl')
    await http.pull('t', 0, 10)
    await http.getBlob('t', 'a'.repeat(64))
    await http.login('petra@bureau.nl', 'geheim', 'laptop')
    expect(seen.map((s) => s.cache)).toEqual(['no-store', 'no-store', 'no-store'])
  })
})

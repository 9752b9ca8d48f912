import type { FastifyInstance } from 'fastify'

/**
 * Cross-origin access for the sync clients that do not share the server's origin: the browser
 * build (`npm run web`, another port) and the Electron window (`app://`). The API authenticates
 * with a bearer token, never a cookie, so answering any origin gives a foreign page nothing it
 * could not already do with a token it would first have to steal; credentials are not allowed.
 * Preflight requests are answered before authentication.
 */
export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin
    if (!origin) return
    void reply.header('access-control-allow-origin', origin)
    void reply.header('vary', 'origin')
    if (req.method === 'OPTIONS') {
      return reply
        .status(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .send()
    }
  })
}

/**
 * Every API answer carries dossier data or tokens: no browser or proxy may keep a copy (a
 * Chromium disk cache would otherwise hold pulled dossiers in plain text, docs/adr/0008).
 */
export function installNoStore(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store')
  })
}

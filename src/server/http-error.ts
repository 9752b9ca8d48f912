import type { FastifyError, FastifyInstance } from 'fastify'

/**
 * One JSON error envelope for the whole API: `{ error: { code, message, field? } }`. Codes are
 * machine-readable English; messages are Dutch because a user may read them.
 */

export const ERROR_STATUS = {
  validation: 400,
  'payload-too-large': 413,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'append-only': 409,
  /** A change to the content of a document version both parties signed (a bijstelling is new). */
  'signed-version': 409,
  'rate-limited': 429,
  internal: 500,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

export type ErrorEnvelope = { error: { code: ErrorCode; message: string; field?: string } }

export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
  get status(): number {
    return ERROR_STATUS[this.code]
  }
  envelope(): ErrorEnvelope {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
      },
    }
  }
}

export const forbidden = (field?: string): HttpError =>
  new HttpError('forbidden', 'Je hebt geen rechten voor deze gegevens.', field)

/**
 * What a 5xx leaves in the log (ADR 0012): structured, one JSON line, and without personal data:
 * the route's pattern (never the URL with its ids), the error's class and machine code (a
 * SQLSTATE such as `22021`), never its message, which may quote a value.
 */
export type ServerErrorEntry = {
  readonly level: 'error'
  readonly event: 'server-error'
  readonly at: string
  readonly requestId: string
  readonly method: string
  readonly route: string
  readonly status: number
  readonly errorClass: string
  readonly errorCode?: string
}

export type ServerErrorLog = (entry: ServerErrorEntry) => void

/** The default: standard error, always on (also when Fastify's request log is off). */
export const stderrErrorLog: ServerErrorLog = (entry) => {
  process.stderr.write(`${JSON.stringify(entry)}\n`)
}

const safeCode = (code: unknown): string | undefined =>
  typeof code === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(code) ? code : undefined

export function installErrorHandling(
  app: FastifyInstance,
  log: ServerErrorLog = stderrErrorLog,
): void {
  app.setNotFoundHandler((_req, reply) => {
    const e = new HttpError('not-found', 'Deze route bestaat niet.')
    void reply.status(e.status).send(e.envelope())
  })
  app.setErrorHandler((error: FastifyError, req, reply) => {
    let e: HttpError
    if (error instanceof HttpError) e = error
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      e = new HttpError('payload-too-large', 'Het verzoek is te groot.', 'body')
    } else if (error.statusCode === 429) {
      e = new HttpError('rate-limited', 'Te veel pogingen; probeer het later opnieuw.')
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      e = new HttpError('validation', 'Ongeldig verzoek.', 'body')
    } else {
      e = new HttpError('internal', 'Er ging iets mis op de server.')
      const code = safeCode((error as { code?: unknown }).code)
      log({
        level: 'error',
        event: 'server-error',
        at: new Date().toISOString(),
        requestId: String(req.id),
        method: req.method,
        route: req.routeOptions.url ?? 'unknown',
        status: e.status,
        errorClass: error instanceof Error ? error.constructor.name : typeof error,
        ...(code ? { errorCode: code } : {}),
      })
    }
    void reply.status(e.status).send(e.envelope())
  })
}

/**
 * The Content Security Policy of Hervat's own pages, in one place. Main sends
 * `CONTENT_SECURITY_POLICY` as a response header; `src/renderer/index.html` carries
 * `META_CONTENT_SECURITY_POLICY` in a `<meta http-equiv>` tag (a test in src/main checks that the
 * two agree). `connect-src` allows the organisation's sync server (any https origin: the address
 * is configured on the Synchronisatie page, docs/adr/0008) and, over plain http, only a server on
 * this machine (`npm run server` for a single user or a test).
 */
const directives = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self' https: http://127.0.0.1:* http://localhost:*"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
] as const

type Directive = (typeof directives)[number][0]

/** Directives a browser ignores (and warns about) when the policy comes from a meta tag. */
const HEADER_ONLY: readonly Directive[] = ['frame-ancestors']

const serialise = (list: readonly (readonly [Directive, string])[]) =>
  list.map(([name, value]) => `${name} ${value}`).join('; ')

/** For the `Content-Security-Policy` response header. */
export const CONTENT_SECURITY_POLICY = serialise(directives)

/** For `<meta http-equiv="Content-Security-Policy">`: the same policy minus header-only directives. */
export const META_CONTENT_SECURITY_POLICY = serialise(
  directives.filter(([name]) => !HEADER_ONLY.includes(name)),
)

/**
 * Which web pages Hervat may open in the user's browser. Exact https origins only: no
 * subdomains by suffix (`www.uwv.nl.evil.com`), no other schemes (`javascript:`, `file:`), no
 * user info (`https://www.uwv.nl@evil.com`), no other ports. Used by main (`shell.openExternal`)
 * and by the browser build alike.
 */
export const EXTERNAL_ORIGIN_ALLOWLIST = [
  'https://www.uwv.nl',
  'https://wetten.overheid.nl',
  'https://www.autoriteitpersoonsgegevens.nl',
  'https://www.rijksoverheid.nl',
] as const

/**
 * Returns the normalised URL (the string to hand to the OS) when `url` may be opened, else
 * `null`. Leading or trailing whitespace and control characters are refused rather than trimmed.
 */
export function allowedExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null
  // eslint-disable-next-line no-control-regex -- refuse control characters and spaces outright
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return null
  // Any `@` in the authority is a userinfo trick, even an empty one (`https://@www.uwv.nl`).
  const authority = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#\\]/)[0] ?? ''
  if (authority.includes('@')) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null
  const origin = `${parsed.protocol}//${parsed.host}`
  if (!(EXTERNAL_ORIGIN_ALLOWLIST as readonly string[]).includes(origin)) return null
  return parsed.href
}

export function isAllowedExternalUrl(url: unknown): boolean {
  return allowedExternalUrl(url) !== null
}

import { describe, expect, it } from 'vitest'
import { allowedExternalUrl, isAllowedExternalUrl } from './external-links'

describe('external link allowlist', () => {
  it.each([
    ['UWV', 'https://www.uwv.nl/werkgevers/ziekte'],
    ['wetten.overheid.nl with query', 'https://wetten.overheid.nl/BWBR0013063/2024-01-01?x=1#a'],
    ['Autoriteit Persoonsgegevens', 'https://www.autoriteitpersoonsgegevens.nl/'],
    ['origin without path', 'https://www.uwv.nl'],
    ['explicit default port', 'https://www.uwv.nl:443/x'],
    ['upper-case scheme and host', 'HTTPS://WWW.UWV.NL/x'],
  ])('allows %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['lookalike suffix', 'https://www.uwv.nl.evil.com/'],
    ['lookalike prefix', 'https://evil-www.uwv.nl/'],
    ['sibling subdomain', 'https://uwv.nl/'],
    ['userinfo pointing elsewhere', 'https://www.uwv.nl@evil.com/'],
    ['userinfo on the right host', 'https://user:pass@www.uwv.nl/'],
    ['empty userinfo', 'https://@www.uwv.nl/'],
    ['plain http', 'http://www.uwv.nl/'],
    ['other port', 'https://www.uwv.nl:8443/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: mentioning the host', 'javascript://www.uwv.nl/%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['custom scheme', 'ms-settings:privacy'],
    ['protocol-relative', '//www.uwv.nl/'],
    ['relative path', '/werkgevers'],
    ['leading space', ' https://www.uwv.nl/'],
    ['embedded newline', 'https://www.uwv.nl/\nx'],
    ['backslash host trick', 'https:\\\\evil.com\\www.uwv.nl'],
    ['encoded dot in host', 'https://www%2euwv%2enl.evil.com/'],
    ['empty', ''],
    ['not a string', 42],
    ['too long', `https://www.uwv.nl/${'a'.repeat(3000)}`],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('hands the OS the normalised URL, not the raw string', () => {
    expect(allowedExternalUrl('HTTPS://WWW.UWV.NL:443/a/../b')).toBe('https://www.uwv.nl/b')
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gunzipSync } from 'node:zlib'

/**
 * Reads every file under a folder as bytes and looks for given texts in the encodings a browser
 * profile stores text in: UTF-8 (and Latin-1, which is the same bytes for these texts), UTF-16LE
 * (V8 serialises strings with non-Latin-1 characters as two-byte strings, and Windows stores
 * UTF-16), and the content of gzip files. Returns every hit as `file: what (encoding)`.
 */

export type ProfileFile = { readonly path: string; readonly bytes: Buffer }

export function filesUnder(root: string): ProfileFile[] {
  const out: ProfileFile[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      // Sockets, pipes and links (Chromium's SingletonLock) hold no content.
      else if (entry.isFile()) out.push({ path: relative(root, full), bytes: readFileSync(full) })
    }
  }
  walk(root)
  return out
}

function views(bytes: Buffer): { encoding: string; bytes: Buffer }[] {
  const out = [{ encoding: 'bytes', bytes }]
  if (bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      out.push({ encoding: 'gunzip', bytes: gunzipSync(bytes) })
    } catch {
      // Not a complete gzip stream after all: the raw bytes were searched.
    }
  }
  return out
}

export function findTexts(
  files: readonly ProfileFile[],
  texts: Readonly<Record<string, string>>,
): string[] {
  const hits: string[] = []
  for (const file of files) {
    for (const view of views(file.bytes)) {
      for (const [what, text] of Object.entries(texts)) {
        for (const [enc, needle] of [
          ['utf8', Buffer.from(text, 'utf8')],
          ['latin1', Buffer.from(text, 'latin1')],
          ['utf16le', Buffer.from(text, 'utf16le')],
        ] as const) {
          if (view.bytes.includes(needle)) {
            hits.push(`${file.path}: ${what} (${view.encoding}, ${enc})`)
            break
          }
        }
      }
    }
  }
  return hits
}

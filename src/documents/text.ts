import type { PDFFont } from 'pdf-lib'

/** Line breaking with the embedded font's own metrics. */

/** Replaces characters pdf-lib cannot lay out (tabs, control characters, odd spaces). */
export function cleanText(text: string): string {
  const normalized = text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
  let out = ''
  for (const ch of normalized) {
    const code = ch.charCodeAt(0)
    if (ch === '\n' || (code >= 0x20 && code !== 0x7f)) out += ch
  }
  return out
}

function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const ch of word) {
    if (piece && font.widthOfTextAtSize(piece + ch, size) > width) {
      pieces.push(piece)
      piece = ch
    } else piece += ch
  }
  if (piece) pieces.push(piece)
  return pieces
}

/** Wraps text to lines no wider than `width`; explicit newlines are kept. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of cleanText(text).split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w.length > 0)
    if (words.length === 0) {
      lines.push('')
      continue
    }
    let line = ''
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      if (font.widthOfTextAtSize(word, size) <= width) line = word
      else {
        const pieces = breakWord(word, font, size, width)
        line = pieces.pop() ?? ''
        lines.push(...pieces)
      }
    }
    lines.push(line)
  }
  return lines
}

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

/**
 * Width of text at `size`, from per-word widths measured once per font at size 1. fontkit's
 * layout is slow (about a millisecond per call); wrapping measures every candidate line, so
 * without the cache a long RIV spends seconds here. Kerning across a space is ignored.
 */
const widthCache = new WeakMap<PDFFont, Map<string, number>>()

function wordWidth(font: PDFFont, word: string): number {
  let cache = widthCache.get(font)
  if (!cache) {
    cache = new Map()
    widthCache.set(font, cache)
  }
  let w = cache.get(word)
  if (w === undefined) {
    w = font.widthOfTextAtSize(word, 1)
    cache.set(word, w)
  }
  return w
}

export function textWidth(font: PDFFont, text: string, size: number): number {
  let total = 0
  const words = text.split(' ')
  for (const word of words) if (word) total += wordWidth(font, word)
  return (total + (words.length - 1) * wordWidth(font, ' ')) * size
}

function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const ch of word) {
    if (piece && textWidth(font, piece + ch, size) > width) {
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
      if (textWidth(font, candidate, size) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      if (textWidth(font, word, size) <= width) line = word
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

import bidiFactory from 'bidi-js'
import type { PDFFont } from 'pdf-lib'

/**
 * Text for the PDF layout: cleaning, font fallback, measuring, line breaking and the visual
 * order of right-to-left text.
 *
 * - Every character is drawn with the first font of the face that has a glyph for it (DejaVu
 *   Sans, then the bundled fallbacks). A character no font has becomes a visible replacement
 *   `[U+XXXX]` and is reported (`missingCharacters`); nothing is dropped without a trace.
 * - Lines are broken in logical order; each drawn line is then put in visual order with the
 *   Unicode bidirectional algorithm (bidi-js, UAX #9). Arabic and Hebrew runs are handed to
 *   fontkit in logical order, which shapes them (joining forms, lam-alef) and lays them out right
 *   to left; the text layer (ToUnicode) keeps the logical characters, so copying and pdftotext
 *   give the text back as it was typed.
 */

const bidi = bidiFactory()

/** A primary font and the fonts tried, in order, for characters it lacks. */
type Face = { readonly fallbacks: readonly PDFFont[]; readonly missing: Set<string> }
const faces = new WeakMap<PDFFont, Face>()
const charSets = new WeakMap<PDFFont, Set<number>>()

/** Registers the fallback fonts of `primary` (done once by the layout for each document). */
export function setFallbacks(primary: PDFFont, fallbacks: readonly PDFFont[]): void {
  faces.set(primary, { fallbacks, missing: new Set() })
}

/** Characters no font of the face could draw, as `U+XXXX` (shown as `[U+XXXX]`). */
export function missingCharacters(primary: PDFFont): readonly string[] {
  return [...(faces.get(primary)?.missing ?? [])].sort()
}

function charSet(font: PDFFont): Set<number> {
  let set = charSets.get(font)
  if (!set) {
    set = new Set(font.getCharacterSet())
    charSets.set(font, set)
  }
  return set
}

/** Zero-width characters that only steer other characters (joiners, variation selectors, marks). */
const ignorable = (cp: number) =>
  (cp >= 0x200b && cp <= 0x200f) ||
  cp === 0x2060 ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef)
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u

const codeLabel = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

/** The font of the face that draws `cp`; undefined when none does. */
function fontFor(primary: PDFFont, cp: number): PDFFont | undefined {
  if (charSet(primary).has(cp)) return primary
  for (const f of faces.get(primary)?.fallbacks ?? []) if (charSet(f).has(cp)) return f
  return undefined
}

/** Replaces characters pdf-lib cannot lay out (tabs, control characters, odd spaces). */
export function cleanText(text: string): string {
  const normalized = text
    .normalize('NFC')
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
 * `text` with every character the face cannot draw replaced by a visible `[U+XXXX]` (and
 * recorded); zero-width steering characters without a glyph are left out (they draw nothing).
 */
export function drawable(text: string, primary: PDFFont): string {
  let out = ''
  let changed = false
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === '\n' || fontFor(primary, cp)) {
      out += ch
      continue
    }
    changed = true
    if (ignorable(cp)) continue
    const label = codeLabel(cp)
    faces.get(primary)?.missing.add(label)
    out += `[${label}]`
  }
  return changed ? out : text
}

/** Splits text into runs of one font each (text must be drawable). */
function fontRuns(text: string, primary: PDFFont): { text: string; font: PDFFont }[] {
  const runs: { text: string; font: PDFFont }[] = []
  for (const ch of text) {
    // A space is always the primary font's: that is the width `textWidth` measures.
    const font = ch === ' ' ? primary : (fontFor(primary, ch.codePointAt(0) ?? 0) ?? primary)
    const last = runs.at(-1)
    if (last && last.font === font) last.text += ch
    else runs.push({ text: ch, font })
  }
  return runs
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
    w = 0
    const visible = [...word].filter((c) => !ignorable(c.codePointAt(0) ?? 0)).join('')
    for (const run of fontRuns(visible, font)) w += run.font.widthOfTextAtSize(run.text, 1)
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

/** Right-to-left mark: starts each line of a right-to-left paragraph (see `drawLine`). */
const RLM = '\u200f'

/**
 * Wraps text to lines no wider than `width`; explicit newlines are kept. Each line of a
 * paragraph whose first strong character is right-to-left starts with an RLM, so that every
 * line of it is ordered as part of a right-to-left paragraph (UAX #9 rules P2/P3).
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of drawable(cleanText(text), font).split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w.length > 0)
    if (words.length === 0) {
      lines.push('')
      continue
    }
    const rtl =
      RTL_SCRIPT.test(paragraph) && bidi.getEmbeddingLevels(paragraph).paragraphs[0]?.level === 1
    const start = lines.length
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
    if (rtl) for (let i = start; i < lines.length; i++) lines[i] = RLM + (lines[i] ?? '')
  }
  return lines
}

export type DrawRun = { readonly text: string; readonly font: PDFFont; readonly width: number }

/**
 * One line as runs to draw from left to right. Left-to-right text is one run per font; a
 * right-to-left run of an RTL script is passed in logical order (fontkit shapes and reverses
 * it); other right-to-left runs (neutrals between Arabic words) are reversed and mirrored here.
 */
export function visualRuns(line: string, primary: PDFFont, size: number): DrawRun[] {
  const text = drawable(line, primary)
  const out: DrawRun[] = []
  const push = (t: string, font: PDFFont) => {
    // Zero-width steering characters are never drawn (and never measured, see wordWidth).
    const clean = [...t].filter((c) => !ignorable(c.codePointAt(0) ?? 0)).join('')
    if (clean) out.push({ text: clean, font, width: textWidth(font, clean, size) })
  }
  if (!RTL_SCRIPT.test(text) && !text.startsWith(RLM)) {
    for (const r of fontRuns(text, primary)) push(r.text, r.font)
    return out
  }
  const levels = bidi.getEmbeddingLevels(text)
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels)
  // Level runs in logical order, by UTF-16 index.
  const runs: { start: number; end: number; level: number }[] = []
  for (let i = 0; i < text.length; i++) {
    const level = levels.levels[i] ?? 0
    const last = runs.at(-1)
    if (last && last.level === level) last.end = i + 1
    else runs.push({ start: i, end: i + 1, level })
  }
  // UAX #9 rule L2: from the highest level down to the lowest odd level, reverse every
  // sequence of runs at that level or higher.
  const max = Math.max(...runs.map((r) => r.level))
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1)
  let order = runs
  for (let level = max; level >= minOdd && level > 0; level--) {
    const next: typeof runs = []
    let i = 0
    while (i < order.length) {
      if ((order[i]?.level ?? 0) >= level) {
        let j = i
        while (j < order.length && (order[j]?.level ?? 0) >= level) j++
        next.push(...order.slice(i, j).reverse())
        i = j
      } else next.push(order[i++] as (typeof runs)[number])
    }
    order = next
  }
  for (const run of order) {
    let chunk = ''
    for (let i = run.start; i < run.end; i++) chunk += mirrored.get(i) ?? text[i]
    const pieces = fontRuns(chunk, primary)
    if (run.level % 2 === 0) {
      for (const p of pieces) push(p.text, p.font)
      continue
    }
    for (const p of pieces.reverse()) {
      if (RTL_SCRIPT.test(p.text)) push(p.text, p.font)
      else push([...p.text].reverse().join(''), p.font)
    }
  }
  return out
}

import fontkit from '@pdf-lib/fontkit'
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  rgb,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib'
import { missingCharacters, setFallbacks, visualRuns, wrapText } from './text'

/**
 * A small flowing layout engine over pdf-lib: headings, paragraphs, key-value tables, tables
 * with repeated header rows, and page breaks that keep a heading with the first lines of its
 * text. Page chrome (header, footer, "Pagina X van Y") is drawn by `page-chrome.ts` at the end,
 * when the page count is known.
 */

/**
 * The fonts' bytes: DejaVu Sans (regular, bold) and optionally a symbol font (Noto Emoji) for
 * characters DejaVu lacks.
 */
export type DocumentFonts = {
  readonly regular: Uint8Array
  readonly bold: Uint8Array
  readonly symbols?: Uint8Array
}

export const PAGE = { width: 595.28, height: 841.89 } as const
export const MARGIN = { left: 56, right: 56, top: 92, bottom: 64 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/** Where the body text goes; the page chrome (header, footer) is drawn outside it. */
export const TEXT_AREA = {
  left: MARGIN.left,
  right: PAGE.width - MARGIN.right,
  top: PAGE.height - MARGIN.top,
  bottom: MARGIN.bottom,
} as const

export const COLORS = {
  text: rgb(0.12, 0.13, 0.15),
  muted: rgb(0.38, 0.4, 0.44),
  accent: rgb(0.09, 0.29, 0.45),
  rule: rgb(0.78, 0.8, 0.83),
  fill: rgb(0.94, 0.95, 0.97),
  warning: rgb(0.7, 0.11, 0.11),
} as const

export type PageInfo = { readonly label: string; readonly external: boolean }

export type TableColumn = { readonly title: string; readonly width: number }

/**
 * Fontkit with a memory: the bundled fonts are parsed once per byte array, not once per
 * document (parsing DejaVu Sans twice was most of a Plan van Aanpak's render time). pdf-lib only
 * reads the parsed font and makes a fresh subset per document, so sharing it is safe.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>()
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) => {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName)
    let font = parsedFonts.get(data)
    if (!font) {
      font = fontkit.create(data)
      parsedFonts.set(data, font)
    }
    return font
  },
}

/** Whether `text` has a character `primary` lacks and `fallback` has. */
function needsFallback(text: string, primary: Uint8Array, fallback: Uint8Array): boolean {
  const p = cachingFontkit.create(primary)
  let f: ReturnType<typeof fontkit.create> | undefined
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x2000 || p.hasGlyphForCodePoint(cp)) continue
    f ??= cachingFontkit.create(fallback)
    if (f.hasGlyphForCodePoint(cp)) return true
  }
  return false
}

const texts = new WeakMap<object, string>()

/** All the text a value (e.g. a dossier export) holds, for `Layout.create`; cached per object. */
export function textOf(value: object): string {
  let t = texts.get(value)
  if (t === undefined) {
    t = JSON.stringify(value)
    texts.set(value, t)
  }
  return t
}

const BODY = 10
const LEADING = 1.38
/** Lines of following text a heading keeps on its page (no orphaned headings). */
const KEEP_WITH_NEXT_LINES = 3

export class Layout {
  page: PDFPage | undefined
  y = 0
  label = ''
  readonly pages: PageInfo[] = []
  /** Text drawn outside the page's text area (always empty unless the layout has a bug). */
  readonly outside: string[] = []

  private constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {}

  /**
   * `text` is all the text the document will hold (or more, e.g. the whole dossier): a fallback
   * font is embedded only when it has characters DejaVu Sans lacks, so a document without them
   * carries no unused font.
   */
  static async create(fonts: DocumentFonts, text = ''): Promise<Layout> {
    const pdf = await PDFDocument.create()
    pdf.registerFontkit(cachingFontkit)
    // The six-letter tag marks a subset (ISO 32000-1 §9.6.4), so viewers and pdffonts see it.
    // No ligatures: pdftotext (poppler) reverses the characters of a lam-alef ligature in
    // right-to-left text, so "السلام" would come back as "السالم"; letters still join (init,
    // medi, fina). fontkit writes into the features object, hence a fresh one per font.
    const features = () => ({ liga: false, rlig: false })
    const [font, bold] = await Promise.all([
      pdf.embedFont(fonts.regular, {
        subset: true,
        customName: 'HRVTAA+DejaVuSans',
        features: features(),
      }),
      pdf.embedFont(fonts.bold, {
        subset: true,
        customName: 'HRVTAB+DejaVuSans-Bold',
        features: features(),
      }),
    ])
    const fallbacks: PDFFont[] = []
    if (fonts.symbols && needsFallback(text, fonts.regular, fonts.symbols))
      fallbacks.push(
        await pdf.embedFont(fonts.symbols, { subset: true, customName: 'HRVTAC+NotoEmoji' }),
      )
    setFallbacks(font, fallbacks)
    setFallbacks(bold, fallbacks)
    return new Layout(pdf, font, bold)
  }

  get lineHeight(): number {
    return BODY * LEADING
  }

  /** Characters that no embedded font could draw (printed as [U+XXXX]), for a warning. */
  missingCharacters(): string[] {
    return [...new Set([...missingCharacters(this.font), ...missingCharacters(this.bold)])].sort()
  }

  newPage(label = this.label): void {
    this.label = label
    this.page = this.pdf.addPage([PAGE.width, PAGE.height])
    this.pages.push({ label, external: false })
    this.y = PAGE.height - MARGIN.top
  }

  /** Starts a new page unless `height` still fits on the current one. */
  ensure(height: number): PDFPage {
    if (!this.page || this.y - height < MARGIN.bottom) this.newPage()
    return this.page as PDFPage
  }

  space(height: number): void {
    if (this.page) this.y -= height
  }

  /**
   * Draws one wrapped line (from `wrapText`) at baseline `y`, in visual order with font
   * fallback; records it when it leaves the text area. Returns the drawn width.
   */
  drawLine(
    page: PDFPage,
    text: string,
    x: number,
    y: number,
    size: number,
    font: PDFFont,
    color = COLORS.text,
    area: { left: number; right: number; top: number; bottom: number } = TEXT_AREA,
  ): number {
    let at = x
    for (const run of visualRuns(text, font, size)) {
      page.drawText(run.text, { x: at, y, size, font: run.font, color })
      at += run.width
    }
    const slack = 0.5
    if (
      at > x &&
      (x < area.left - slack ||
        at > area.right + slack ||
        y + size * 0.76 > area.top + slack ||
        y - size * 0.24 < area.bottom - slack)
    )
      this.outside.push(
        `pagina ${this.pdf.getPages().indexOf(page) + 1}: "${text.slice(0, 40)}" op (${x.toFixed(1)}, ${y.toFixed(1)}) tot x ${at.toFixed(1)}`,
      )
    return at - x
  }

  private line(text: string, x: number, font: PDFFont, size: number, color = COLORS.text): void {
    const page = this.ensure(size * LEADING)
    this.y -= size * LEADING
    this.drawLine(page, text, x, this.y + size * 0.3, size, font, color)
  }

  /** Document title block at the top of a document or part. */
  title(text: string, subtitle?: string): void {
    this.ensure(60)
    this.space(4)
    for (const l of wrapText(text, this.bold, 18, CONTENT_WIDTH)) {
      this.line(l, MARGIN.left, this.bold, 18, COLORS.accent)
    }
    if (subtitle) {
      this.space(2)
      for (const l of wrapText(subtitle, this.font, 10.5, CONTENT_WIDTH)) {
        this.line(l, MARGIN.left, this.font, 10.5, COLORS.muted)
      }
    }
    this.space(6)
    const page = this.ensure(2)
    page.drawRectangle({
      x: MARGIN.left,
      y: this.y,
      width: CONTENT_WIDTH,
      height: 1.5,
      color: COLORS.accent,
    })
    this.space(14)
  }

  /** A heading kept on one page with `keep` points of what follows (default: three lines). */
  heading(text: string, level: 1 | 2 = 1, keep = KEEP_WITH_NEXT_LINES * BODY * LEADING): void {
    const size = level === 1 ? 13 : 11
    const lines = wrapText(text, this.bold, size, CONTENT_WIDTH)
    const before = level === 1 ? 12 : 8
    this.ensure(before + lines.length * size * LEADING + 4 + keep)
    this.space(before)
    for (const l of lines)
      this.line(l, MARGIN.left, this.bold, size, level === 1 ? COLORS.accent : COLORS.text)
    this.space(4)
  }

  paragraph(text: string, opts: { muted?: boolean; bold?: boolean; size?: number } = {}): void {
    const size = opts.size ?? BODY
    const font = opts.bold ? this.bold : this.font
    for (const l of wrapText(text, font, size, CONTENT_WIDTH)) {
      this.line(l, MARGIN.left, font, size, opts.muted ? COLORS.muted : COLORS.text)
    }
    this.space(5)
  }

  /**
   * Two-column label/value rows. A row starts on a new page unless its first three lines fit;
   * a longer value flows on over as many pages as it needs, the label column saying
   * "(vervolg)" at the top of each continued part.
   */
  keyValues(rows: readonly (readonly [string, string])[]): void {
    const keyWidth = 170
    const valueX = MARGIN.left + keyWidth + 8
    const valueWidth = CONTENT_WIDTH - keyWidth - 8
    const step = BODY * LEADING
    for (const [key, value] of rows) {
      const k = wrapText(key, this.font, 9.5, keyWidth)
      const v = wrapText(value || '—', this.font, BODY, valueWidth)
      const n = Math.max(k.length, v.length)
      this.ensure(Math.min(n, KEEP_WITH_NEXT_LINES) * step + 3)
      for (let i = 0; i < n; i++) {
        let label = k[i]
        if (this.y - step < MARGIN.bottom) {
          this.newPage()
          label ??= '(vervolg)'
        }
        const page = this.page as PDFPage
        this.y -= step
        if (label) this.drawLine(page, label, MARGIN.left, this.y + 3, 9.5, this.font, COLORS.muted)
        const line = v[i]
        if (line) this.drawLine(page, line, valueX, this.y + 3, BODY, this.font)
      }
      this.y -= 3
      ;(this.page as PDFPage).drawLine({
        start: { x: MARGIN.left, y: this.y + 1 },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y + 1 },
        thickness: 0.4,
        color: COLORS.rule,
      })
    }
    this.space(8)
  }

  /**
   * A table whose header row is repeated on every page it spans. Widths are fractions. A row
   * starts on a new page unless its first three lines fit; a taller row flows on over the
   * following pages, line by line, under the repeated header.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const size = 8.5
    const pad = 4
    const step = size * LEADING
    const widths = columns.map((c) => c.width * CONTENT_WIDTH)
    const wrapRow = (cells: readonly string[], font: PDFFont) =>
      columns.map((_, i) => wrapText(cells[i] ?? '', font, size, (widths[i] ?? 0) - 2 * pad))
    const header = wrapRow(
      columns.map((c) => c.title),
      this.bold,
    )
    const rule = (thickness: number) =>
      (this.page as PDFPage).drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y },
        thickness,
        color: COLORS.rule,
      })
    const drawLines = (wrapped: string[][], j: number, font: PDFFont) => {
      let x = MARGIN.left
      wrapped.forEach((cell, i) => {
        const l = cell[j]
        if (l) this.drawLine(this.page as PDFPage, l, x + pad, this.y - step + 2.5, size, font)
        x += widths[i] ?? 0
      })
      this.y -= step
    }
    const drawHeader = () => {
      const lines = Math.max(1, ...header.map((c) => c.length))
      const height = lines * step + 2 * pad
      ;(this.page as PDFPage).drawRectangle({
        x: MARGIN.left,
        y: this.y - height,
        width: CONTENT_WIDTH,
        height,
        color: COLORS.fill,
      })
      this.y -= pad
      for (let j = 0; j < lines; j++) drawLines(header, j, this.bold)
      this.y -= pad
      rule(0.8)
    }
    const headerHeight = Math.max(1, ...header.map((c) => c.length)) * step + 2 * pad
    this.ensure(headerHeight + this.lineHeight * 2 + 2 * pad)
    drawHeader()
    for (const row of rows) {
      const wrapped = wrapRow(row, this.font)
      const n = Math.max(1, ...wrapped.map((c) => c.length))
      if (this.y - (2 * pad + Math.min(n, KEEP_WITH_NEXT_LINES) * step) < MARGIN.bottom) {
        this.newPage()
        drawHeader()
      }
      this.y -= pad
      for (let j = 0; j < n; j++) {
        if (this.y - step - pad < MARGIN.bottom) {
          this.newPage()
          drawHeader()
          this.y -= pad
        }
        drawLines(wrapped, j, this.font)
      }
      this.y -= pad
      rule(0.4)
    }
    this.space(10)
  }

  /**
   * PDF bookmarks (the document outline, ISO 32000-1 §12.3.3): one entry per item, opening its
   * page at the top. pdf-lib has no outline API, so the dictionaries are written here.
   */
  setOutline(items: readonly { readonly title: string; readonly pageIndex: number }[]): void {
    if (items.length === 0) return
    const ctx = this.pdf.context
    const root = ctx.nextRef()
    const refs: PDFRef[] = items.map(() => ctx.nextRef())
    const pages = this.pdf.getPages()
    items.forEach((item, i) => {
      const page = pages[Math.min(item.pageIndex, pages.length - 1)] as PDFPage
      const entry = ctx.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: root,
        Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
      })
      const prev = refs[i - 1]
      const next = refs[i + 1]
      if (prev) entry.set(PDFName.of('Prev'), prev)
      if (next) entry.set(PDFName.of('Next'), next)
      ctx.assign(refs[i] as PDFRef, entry)
    })
    ctx.assign(
      root,
      ctx.obj({
        Type: 'Outlines',
        First: refs[0] as PDFRef,
        Last: refs.at(-1) as PDFRef,
        Count: PDFNumber.of(items.length),
      }),
    )
    this.pdf.catalog.set(PDFName.of('Outlines'), root)
    this.pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
  }

  /** Appends another PDF's pages (copyPages); they get the page chrome in the margins. */
  async appendPdf(bytes: Uint8Array | string, label: string): Promise<number> {
    const source = await PDFDocument.load(bytes)
    const copied = await this.pdf.copyPages(source, source.getPageIndices())
    for (const p of copied) {
      this.pdf.addPage(p)
      this.pages.push({ label, external: true })
    }
    this.page = undefined
    return copied.length
  }
}

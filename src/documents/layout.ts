import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { wrapText } from './text'

/**
 * A small flowing layout engine over pdf-lib: headings, paragraphs, key-value tables, tables
 * with repeated header rows, and page breaks that keep a heading with the first lines of its
 * text. Page chrome (header, footer, "Pagina X van Y") is drawn by `page-chrome.ts` at the end,
 * when the page count is known.
 */

export type DocumentFonts = { readonly regular: Uint8Array; readonly bold: Uint8Array }

export const PAGE = { width: 595.28, height: 841.89 } as const
export const MARGIN = { left: 56, right: 56, top: 92, bottom: 64 } as const
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right

export const COLORS = {
  text: rgb(0.12, 0.13, 0.15),
  muted: rgb(0.38, 0.4, 0.44),
  accent: rgb(0.09, 0.29, 0.45),
  rule: rgb(0.78, 0.8, 0.83),
  fill: rgb(0.94, 0.95, 0.97),
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

const BODY = 10
const LEADING = 1.38
/** Lines of following text a heading keeps on its page (no orphaned headings). */
const KEEP_WITH_NEXT_LINES = 3

export class Layout {
  page: PDFPage | undefined
  y = 0
  label = ''
  readonly pages: PageInfo[] = []

  private constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {}

  static async create(fonts: DocumentFonts): Promise<Layout> {
    const pdf = await PDFDocument.create()
    pdf.registerFontkit(cachingFontkit)
    // The six-letter tag marks a subset (ISO 32000-1 §9.6.4), so viewers and pdffonts see it.
    const [font, bold] = await Promise.all([
      pdf.embedFont(fonts.regular, { subset: true, customName: 'HRVTAA+DejaVuSans' }),
      pdf.embedFont(fonts.bold, { subset: true, customName: 'HRVTAB+DejaVuSans-Bold' }),
    ])
    return new Layout(pdf, font, bold)
  }

  get lineHeight(): number {
    return BODY * LEADING
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

  private line(text: string, x: number, font: PDFFont, size: number, color = COLORS.text): void {
    const page = this.ensure(size * LEADING)
    this.y -= size * LEADING
    page.drawText(text, { x, y: this.y + size * 0.3, size, font, color })
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

  /** Two-column label/value rows; a row never splits across pages. */
  keyValues(rows: readonly (readonly [string, string])[]): void {
    const keyWidth = 170
    const valueWidth = CONTENT_WIDTH - keyWidth - 8
    for (const [key, value] of rows) {
      const k = wrapText(key, this.font, 9.5, keyWidth)
      const v = wrapText(value || '—', this.font, BODY, valueWidth)
      const height = Math.max(k.length * 9.5, v.length * BODY) * LEADING + 3
      const page = this.ensure(height)
      k.forEach((l, i) =>
        page.drawText(l, {
          x: MARGIN.left,
          y: this.y - (i + 1) * 9.5 * LEADING + 3,
          size: 9.5,
          font: this.font,
          color: COLORS.muted,
        }),
      )
      v.forEach((l, i) =>
        page.drawText(l, {
          x: MARGIN.left + keyWidth + 8,
          y: this.y - (i + 1) * BODY * LEADING + 3,
          size: BODY,
          font: this.font,
          color: COLORS.text,
        }),
      )
      this.y -= height
      page.drawLine({
        start: { x: MARGIN.left, y: this.y + 1 },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y + 1 },
        thickness: 0.4,
        color: COLORS.rule,
      })
    }
    this.space(8)
  }

  /** A table whose header row is repeated on every page it spans. Widths are fractions. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): void {
    const size = 8.5
    const pad = 4
    const widths = columns.map((c) => c.width * CONTENT_WIDTH)
    const wrapRow = (cells: readonly string[], font: PDFFont) =>
      columns.map((_, i) => wrapText(cells[i] ?? '', font, size, (widths[i] ?? 0) - 2 * pad))
    const heightOf = (wrapped: string[][]) =>
      Math.max(1, ...wrapped.map((c) => c.length)) * size * LEADING + 2 * pad
    const header = wrapRow(
      columns.map((c) => c.title),
      this.bold,
    )
    const headerHeight = heightOf(header)
    const drawRow = (wrapped: string[][], height: number, isHeader: boolean) => {
      const page = this.page as PDFPage
      if (isHeader)
        page.drawRectangle({
          x: MARGIN.left,
          y: this.y - height,
          width: CONTENT_WIDTH,
          height,
          color: COLORS.fill,
        })
      let x = MARGIN.left
      wrapped.forEach((cell, i) => {
        cell.forEach((l, j) =>
          page.drawText(l, {
            x: x + pad,
            y: this.y - pad - (j + 1) * size * LEADING + 2.5,
            size,
            font: isHeader ? this.bold : this.font,
            color: COLORS.text,
          }),
        )
        x += widths[i] ?? 0
      })
      this.y -= height
      page.drawLine({
        start: { x: MARGIN.left, y: this.y },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y },
        thickness: isHeader ? 0.8 : 0.4,
        color: COLORS.rule,
      })
    }
    this.ensure(headerHeight + this.lineHeight * 2 + 2 * pad)
    drawRow(header, headerHeight, true)
    for (const row of rows) {
      const wrapped = wrapRow(row, this.font)
      const height = heightOf(wrapped)
      if (this.y - height < MARGIN.bottom) {
        this.newPage()
        drawRow(header, headerHeight, true)
      }
      drawRow(wrapped, height, false)
    }
    this.space(10)
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

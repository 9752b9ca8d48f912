import { employeeFullName } from '../shared/domain/entities'
import type { Address, ContactPerson } from '../shared/domain/fields'
import {
  missingSignatureRoles,
  SIGNATURE_KIND_LABELS,
  SIGNATURE_ROLE_LABELS,
  type Author,
  type Signature,
} from '../shared/documents/common'
import type { DossierExport } from '../shared/documents/dossier-export'
import { formatDutchDate, formatDutchLongDate, type IsoDate } from '../shared/kernel/iso-date'
import type { PDFPage } from 'pdf-lib'
import { COLORS, CONTENT_WIDTH, MARGIN, type Layout } from './layout'
import { wrapText } from './text'

/** Reusable document blocks: dates, authorship line, administrative data, signatures. */

export const fmtDate = (d: IsoDate | undefined): string => (d ? formatDutchDate(d) : '—')
export const fmtLongDate = (d: IsoDate | undefined): string =>
  d ? formatDutchLongDate(d) : 'ongedateerd'

export const fmtAuthor = (a: Author | undefined): string =>
  [a?.name, a?.function].filter(Boolean).join(', ') || 'onbekend'

export const fmtAddress = (a: Address): string =>
  [
    [a.street, a.houseNumber].filter(Boolean).join(' '),
    [a.postcode, a.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ') || '—'

export const fmtContact = (c: ContactPerson): string =>
  [c.name, c.organisation, c.phone, c.email].filter(Boolean).join(', ') || '—'

/**
 * Vorm-beleidsregels art. 2 lid 3: date, name and function of the author on each element; and
 * when the employee was handed a copy (uwv-forms §1.6), on every document that records it.
 */
export function authorLine(
  layout: Layout,
  date: IsoDate | undefined,
  author: Author,
  handedToEmployeeOn?: IsoDate,
): void {
  const parts = [`Datum: ${fmtLongDate(date)}`, `Opgesteld door: ${fmtAuthor(author)}`]
  if (handedToEmployeeOn) parts.push(`Uitgereikt aan werknemer op ${fmtDate(handedToEmployeeOn)}`)
  layout.paragraph(parts.join('   ·   '), { muted: true, size: 9 })
}

/** The dossier's creation time, for the PDF's creation date; undefined when unreadable. */
export function dossierCreatedAt(exp: DossierExport): Date | undefined {
  const d = new Date(exp.dossier.createdAt)
  return Number.isNaN(d.getTime()) ? undefined : d
}

export function employeeRows(exp: DossierExport): [string, string][] {
  const e = exp.employee
  return [
    ['Naam', employeeFullName(e)],
    ['Adres', fmtAddress(e.address)],
    ['Burgerservicenummer (BSN)', e.bsn],
    ['Geboortedatum', fmtDate(e.dateOfBirth)],
    ['Functie', e.jobTitle],
    ['Contracturen per week', String(e.contractHoursPerWeek).replace('.', ',')],
    ['In dienst sinds', fmtDate(e.employmentStart)],
  ]
}

export function employerRows(exp: DossierExport): [string, string][] {
  const w = exp.employer
  return [
    ['Naam', w.name],
    ['Adres', fmtAddress(w.address)],
    ['Loonheffingennummer', w.loonheffingennummer ?? '—'],
    ['KvK-nummer', w.kvkNumber ?? '—'],
    ['Contactpersoon', fmtContact(w.contactPerson)],
  ]
}

/**
 * Signature boxes side by side; a missing signature shows an empty line to sign on. A box grows
 * with a long name or function, so nothing runs out of it.
 */
export async function signatureBlock(
  layout: Layout,
  signatures: readonly Signature[],
  heading = 'Ondertekening',
): Promise<void> {
  const gap = 16
  const boxWidth = (CONTENT_WIDTH - gap) / 2
  const inner = boxWidth - 16
  const missing = missingSignatureRoles(signatures).map(
    (role) => ({ role, name: '', function: '', signedAt: undefined }) as const,
  )
  const boxes = [...signatures, ...missing].slice(0, 4)
  type Line = { text: string; size: number; bold?: boolean; muted?: boolean }
  const linesOf = (s: (typeof boxes)[number]): Line[] => {
    const wrap = (text: string, size: number, font = layout.font) =>
      wrapText(text, font, size, inner)
    const role = wrap(SIGNATURE_ROLE_LABELS[s.role], 9.5, layout.bold).map((text) => ({
      text,
      size: 9.5,
      bold: true,
    }))
    if ('kind' in s)
      return [
        ...role,
        ...wrap(`${s.name}, ${s.function}`, 9).map((text) => ({ text, size: 9 })),
        ...wrap(`${SIGNATURE_KIND_LABELS[s.kind]} getekend op ${fmtDate(s.signedAt)}`, 8.5).map(
          (text) => ({ text, size: 8.5, muted: true }),
        ),
      ]
    return [
      ...role,
      { text: 'Naam en functie: ______________________', size: 8.5, muted: true },
      { text: 'Datum: ____________', size: 8.5, muted: true },
    ]
  }
  const lineStep = 13
  const imageSpace = 62
  const heightOf = (s: (typeof boxes)[number]) => 10 + linesOf(s).length * lineStep + imageSpace
  const rowHeights: number[] = []
  for (let i = 0; i < boxes.length; i += 2)
    rowHeights.push(Math.max(...boxes.slice(i, i + 2).map((b) => heightOf(b))))
  layout.heading(heading, 1, (rowHeights[0] ?? 96) + 4)
  for (const [i, s] of boxes.entries()) {
    const height = rowHeights[Math.floor(i / 2)] ?? 96
    if (i % 2 === 0) {
      if (i > 0) layout.y -= (rowHeights[i / 2 - 1] ?? 96) + 8
      layout.ensure(height)
    }
    const p = layout.page as PDFPage
    const x = MARGIN.left + (i % 2) * (boxWidth + gap)
    const top = layout.y
    p.drawRectangle({
      x,
      y: top - height,
      width: boxWidth,
      height,
      borderColor: COLORS.rule,
      borderWidth: 0.6,
    })
    let dy = 0
    for (const l of linesOf(s)) {
      dy += lineStep
      layout.drawLine(
        p,
        l.text,
        x + 8,
        top - dy - 1,
        l.size,
        l.bold ? layout.bold : layout.font,
        l.muted ? COLORS.muted : COLORS.text,
      )
    }
    const note = (t: string) =>
      layout.drawLine(p, t, x + 8, top - height + 8, 7.5, layout.font, COLORS.muted)
    if ('kind' in s) {
      if (s.imagePngBase64) {
        const img = await layout.pdf.embedPng(s.imagePngBase64)
        const scale = Math.min(inner / img.width, 50 / img.height, 1)
        p.drawImage(img, {
          x: x + 8,
          y: top - height + 6,
          width: img.width * scale,
          height: img.height * scale,
        })
      } else note('(digitaal vastgelegd, zonder handtekeningafbeelding)')
    } else note('Nog niet ondertekend')
  }
  layout.y -= (rowHeights.at(-1) ?? 96) + 10
  const reactions = signatures.filter((s) => s.kind === 'voor-gezien' && s.reaction)
  for (const s of reactions)
    layout.paragraph(`Reactie ${s.name} (${fmtDate(s.signedAt)}): ${s.reaction}`)
}

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
import { COLORS, CONTENT_WIDTH, MARGIN, type Layout } from './layout'

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

/** Vorm-beleidsregels art. 2 lid 3: date, name and function of the author on each element. */
export function authorLine(layout: Layout, date: IsoDate | undefined, author: Author): void {
  layout.paragraph(`Datum: ${fmtLongDate(date)}   ·   Opgesteld door: ${fmtAuthor(author)}`, {
    muted: true,
    size: 9,
  })
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

/** Signature boxes side by side; a missing signature shows an empty line to sign on. */
export async function signatureBlock(
  layout: Layout,
  signatures: readonly Signature[],
  heading = 'Ondertekening',
): Promise<void> {
  const height = 96
  layout.heading(heading, 1, height + 4)
  const page = layout.ensure(height)
  const gap = 16
  const boxWidth = (CONTENT_WIDTH - gap) / 2
  const missing = missingSignatureRoles(signatures).map(
    (role) => ({ role, name: '', function: '', signedAt: undefined }) as const,
  )
  const boxes = [...signatures, ...missing].slice(0, 4)
  for (const [i, s] of boxes.entries()) {
    if (i > 0 && i % 2 === 0) {
      layout.y -= height + 8
      layout.ensure(height)
    }
    const x = MARGIN.left + (i % 2) * (boxWidth + gap)
    const top = layout.y
    const p = layout.page ?? page
    p.drawRectangle({
      x,
      y: top - height,
      width: boxWidth,
      height,
      borderColor: COLORS.rule,
      borderWidth: 0.6,
    })
    const text = (t: string, dy: number, size = 9, font = layout.font, color = COLORS.text) =>
      p.drawText(t, { x: x + 8, y: top - dy, size, font, color })
    text(SIGNATURE_ROLE_LABELS[s.role], 14, 9.5, layout.bold)
    if ('kind' in s) {
      text(`${s.name}, ${s.function}`, 28)
      text(
        `${SIGNATURE_KIND_LABELS[s.kind]} getekend op ${fmtDate(s.signedAt)}`,
        41,
        8.5,
        layout.font,
        COLORS.muted,
      )
      if (s.imagePngBase64) {
        const img = await layout.pdf.embedPng(s.imagePngBase64)
        const scale = Math.min((boxWidth - 16) / img.width, 50 / img.height, 1)
        p.drawImage(img, {
          x: x + 8,
          y: top - height + 10,
          width: img.width * scale,
          height: img.height * scale,
        })
      } else
        text(
          '(digitaal vastgelegd, zonder handtekeningafbeelding)',
          height - 18,
          7.5,
          layout.font,
          COLORS.muted,
        )
    } else {
      text('Naam en functie: ______________________', 30, 8.5, layout.font, COLORS.muted)
      text('Datum: ____________', 46, 8.5, layout.font, COLORS.muted)
      text('Nog niet ondertekend', height - 18, 7.5, layout.font, COLORS.muted)
    }
  }
  layout.y -= height + 10
  const reactions = signatures.filter((s) => s.kind === 'voor-gezien' && s.reaction)
  for (const s of reactions)
    layout.paragraph(`Reactie ${s.name} (${fmtDate(s.signedAt)}): ${s.reaction}`)
}

import boldUrl from '../../../../resources/fonts/DejaVuSans-Bold.ttf?url'
import regularUrl from '../../../../resources/fonts/DejaVuSans.ttf?url'
import symbolsUrl from '../../../../resources/fonts/NotoEmoji-Regular.ttf?url'
import { renderAccessExport } from '../../../documents/access-export-pdf'
import {
  renderEerstejaarsevaluatie,
  renderEindevaluatie,
  renderEvaluatie,
} from '../../../documents/evaluations-pdf'
import type { DocumentFonts } from '../../../documents/layout'
import { renderMelding42 } from '../../../documents/melding-42-pdf'
import { renderPlanVanAanpak } from '../../../documents/plan-van-aanpak-pdf'
import { renderReintegratieverslag } from '../../../documents/reintegratieverslag-pdf'
import { buildRivBundle } from '../../../documents/riv-bundle'
import { checkRivCompleteness, type DossierExport } from '../../../shared/documents'
import type { AuditEntry } from '../../../shared/audit/chain'
import type { IsoDate } from '../../../shared/kernel/iso-date'
import type { AccessExportInput } from '../../../shared/privacy/access-export'
import type { DocumentDates } from './export-builder'

/**
 * Document generation in the app, with the very renderers the command line uses
 * (src/documents). Loaded on demand; the bundled fonts (DejaVu Sans, Noto Emoji) come from the app's own files
 * (never the network) and are read once.
 */

let fonts: Promise<DocumentFonts> | undefined

async function bytesOf(url: string): Promise<Uint8Array> {
  const res = await fetch(url)
  if (!res.ok) throw new Error(`Lettertype niet gevonden (${res.status}).`)
  return new Uint8Array(await res.arrayBuffer())
}

/** The fonts as bytes; a failed read is retried on the next call. */
export function documentFonts(): Promise<DocumentFonts> {
  fonts ??= Promise.all([bytesOf(regularUrl), bytesOf(boldUrl), bytesOf(symbolsUrl)]).then(
    ([regular, bold, symbols]) => ({ regular, bold, symbols }),
    (e: unknown) => {
      fonts = undefined
      throw e
    },
  )
  return fonts
}

export type GenerateRequest =
  | { readonly kind: 'plan-van-aanpak'; readonly planId: string }
  | { readonly kind: 'evaluatie'; readonly id: string }
  | { readonly kind: 'eerstejaarsevaluatie' }
  | { readonly kind: 'eindevaluatie' }
  | { readonly kind: 're-integratieverslag' }
  | { readonly kind: '42e-weeksmelding' }
  | { readonly kind: 'riv-bundel'; readonly today: IsoDate }

export async function generateDocument(
  req: GenerateRequest,
  exp: DossierExport,
  dates: DocumentDates,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const f = await documentFonts()
  const opts = { producedAt: new Date(), dates }
  switch (req.kind) {
    case 'plan-van-aanpak':
      return renderPlanVanAanpak(exp, f, { ...opts, planId: req.planId })
    case 'evaluatie':
      return renderEvaluatie(exp, f, { ...opts, evaluatieId: req.id })
    case 'eerstejaarsevaluatie':
      return renderEerstejaarsevaluatie(exp, f, opts)
    case 'eindevaluatie':
      return renderEindevaluatie(exp, f, opts)
    case 're-integratieverslag':
      return renderReintegratieverslag(exp, f, opts)
    case '42e-weeksmelding':
      return renderMelding42(exp, f, opts)
    case 'riv-bundel':
      // The check on the exported file itself, which holds no medical attachment at all.
      return (
        await buildRivBundle(exp, f, {
          ...opts,
          completeness: checkRivCompleteness(exp, req.today, dates),
          onProgress,
        })
      ).zip
  }
}

/** The employee's access export (AVG art. 15) as a readable PDF, the same content as the JSON. */
export async function generateAccessExportPdf(
  data: AccessExportInput,
  trail: readonly AuditEntry[],
  made: { readonly at: string; readonly by: string },
): Promise<Uint8Array> {
  return renderAccessExport(data, trail, made, await documentFonts(), {
    producedAt: new Date(made.at),
  })
}

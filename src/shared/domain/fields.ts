import { z } from 'zod'
import { parseAnyDate, type IsoDate } from '../kernel/iso-date'
import { isValidBsn, normalizeBsn } from './bsn'

/**
 * Field schemas shared by every entity. Messages are Dutch: they reach the user at the field.
 * Each schema accepts what a person types (dd-mm-jjjj, "32,5", "1.250,00") and what a file holds
 * (YYYY-MM-DD, numbers), and produces one canonical value; parsing that value again gives it back.
 */
export const msg = {
  required: 'Dit veld is verplicht.',
  date: 'Vul een geldige datum in als dd-mm-jjjj.',
  bsn: 'Dit is geen geldig BSN (de elfproef klopt niet).',
  kvk: 'Een KvK-nummer bestaat uit 8 cijfers.',
  loonheffingennummer: 'Een loonheffingennummer ziet eruit als 123456789L01.',
  postcode: 'Vul een postcode in als 1234 AB.',
  phone: 'Vul een telefoonnummer in van minstens 10 cijfers.',
  email: 'Vul een geldig e-mailadres in.',
  number: 'Vul een getal in.',
  hours: 'Vul een aantal uren in tussen 0 en 168.',
  amount: 'Vul een bedrag in euro in, bijvoorbeeld 1.250,00.',
  tooLong: 'Deze tekst is te lang.',
} as const

/** "Deze tekst is te lang (maximaal 2.000 tekens)." — the limit with Dutch thousands dots. */
export const tooLongMessage = (max: number): string =>
  `Deze tekst is te lang (maximaal ${String(max).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} tekens).`

const text = (max: number) => z.string({ error: msg.required }).trim().max(max, tooLongMessage(max))

export const requiredText = (max = 200) => text(max).min(1, msg.required)

/** Optional free text: '' becomes undefined. */
export const optionalText = (max = 4000) =>
  z
    .union([z.string(), z.null(), z.undefined()])
    .transform((v) => (v == null || v.trim() === '' ? undefined : v.trim()))
    .pipe(z.string().max(max, tooLongMessage(max)).optional())
    .optional()

export const dateField = z.string({ error: msg.date }).transform((v, ctx): IsoDate => {
  const d = parseAnyDate(v)
  if (!d) {
    ctx.addIssue({ code: 'custom', message: v.trim() === '' ? msg.required : msg.date })
    return z.NEVER
  }
  return d
})

export const optionalDateField = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v, ctx): IsoDate | undefined => {
    if (v == null || v.trim() === '') return undefined
    const d = parseAnyDate(v)
    if (!d) {
      ctx.addIssue({ code: 'custom', message: msg.date })
      return z.NEVER
    }
    return d
  })
  .optional()

function parseDutchNumber(v: string): number | undefined {
  const s = v.trim().replace(/\s/g, '')
  if (s === '') return undefined
  // "1.250,50" → 1250.5; "32,5" → 32.5; "32.5" → 32.5
  const normalized = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return Number.NaN
  return Number(normalized)
}

/** A number typed the Dutch way; '' becomes undefined. */
export const optionalNumberField = (message: string, min: number, max: number) =>
  z
    .union([z.string(), z.number(), z.null(), z.undefined()])
    .transform((v, ctx): number | undefined => {
      if (v == null) return undefined
      const n = typeof v === 'number' ? v : parseDutchNumber(v)
      if (n === undefined) return undefined
      if (Number.isNaN(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return n
    })
    .optional()

export const requiredNumberField = (message: string, min: number, max: number) =>
  optionalNumberField(message, min, max).transform((v, ctx): number => {
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: msg.required })
      return z.NEVER
    }
    return v
  })

export const hoursPerWeekField = requiredNumberField(msg.hours, 0, 168)
export const optionalHoursField = optionalNumberField(msg.hours, 0, 168)

/**
 * Euro amount, rounded to whole cents. Stored in euros so that parsing a stored value again
 * (import, sync) gives the same value: every field schema here is idempotent.
 */
export const optionalEuroField = optionalNumberField(msg.amount, 0, 10_000_000)
  .transform((v) => (v === undefined ? undefined : Math.round(v * 100) / 100))
  .optional()

export const bsnField = z
  .string({ error: msg.required })
  .transform((v) => normalizeBsn(v))
  .refine((v) => v.length > 0, msg.required)
  .refine(isValidBsn, msg.bsn)

export const kvkField = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v) => (v == null ? '' : v.replace(/\s/g, '')))
  .refine((v) => v === '' || /^\d{8}$/.test(v), msg.kvk)
  .transform((v) => (v === '' ? undefined : v))
  .optional()

export const loonheffingennummerField = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v) => (v == null ? '' : v.replace(/[\s.]/g, '').toUpperCase()))
  .refine((v) => v === '' || /^\d{9}L\d{2}$/.test(v), msg.loonheffingennummer)
  .transform((v) => (v === '' ? undefined : v))
  .optional()

export const optionalPhoneField = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v) => (v == null ? '' : v.trim()))
  .refine(
    (v) => v === '' || (/^[+\d][\d\s()-]*$/.test(v) && v.replace(/\D/g, '').length >= 10),
    msg.phone,
  )
  .transform((v) => (v === '' ? undefined : v))
  .optional()

export const optionalEmailField = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v) => (v == null ? '' : v.trim()))
  .refine((v) => v === '' || z.email().safeParse(v).success, msg.email)
  .transform((v) => (v === '' ? undefined : v))
  .optional()

export const postcodeField = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((v) => (v == null ? '' : v.replace(/\s/g, '').toUpperCase()))
  .refine((v) => v === '' || /^[1-9]\d{3}[A-Z]{2}$/.test(v), msg.postcode)
  .transform((v) => (v === '' ? undefined : `${v.slice(0, 4)} ${v.slice(4)}`))
  .optional()

export const addressSchema = z.object({
  street: optionalText(200),
  houseNumber: optionalText(20),
  postcode: postcodeField,
  city: optionalText(100),
})
export type Address = z.output<typeof addressSchema>

export const contactPersonSchema = z.object({
  organisation: optionalText(200),
  name: optionalText(200),
  phone: optionalPhoneField,
  email: optionalEmailField,
})
export type ContactPerson = z.output<typeof contactPersonSchema>

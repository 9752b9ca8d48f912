/**
 * Burgerservicenummer check (the "elfproef"): nine digits d1..d9 with
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11, and not all zeros.
 * Eight-digit numbers are valid BSNs with a leading zero.
 */
export function normalizeBsn(value: string): string {
  const digits = value.replace(/[\s.-]/g, '')
  return digits.length === 8 ? `0${digits}` : digits
}

export function isValidBsn(value: string): boolean {
  const bsn = normalizeBsn(value)
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i)
  sum -= Number(bsn[8])
  return sum % 11 === 0
}

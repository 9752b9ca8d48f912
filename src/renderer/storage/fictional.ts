import { addDays, formatDutchDate, type IsoDate } from '../../shared/kernel/iso-date'

/** Helpers for fictional data (sample data and benchmarks): deterministic, always valid. */

/** A small seeded PRNG (mulberry32), so generated data is the same every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A BSN that passes the elfproef, derived from `n` (fictional: never looked up anywhere). */
export function fictionalBsn(n: number): string {
  for (let k = n; ; k++) {
    const base = String(10_000_000 + (k % 89_999_999)).padStart(8, '0')
    let sum = 0
    for (let i = 0; i < 8; i++) sum += Number(base[i]) * (9 - i)
    const check = sum % 11
    if (check < 10) return `${base}${check}`
  }
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T =>
  list[Math.floor(rnd() * list.length)] as T

export const daysAgo = (today: IsoDate, n: number): IsoDate => addDays(today, -n)
export const dutch = (d: IsoDate) => formatDutchDate(d)

export const FIRST_NAMES = [
  'Sanne',
  'Daan',
  'Fatima',
  'Mehmet',
  'Lotte',
  'Bram',
  'Noor',
  'Sem',
  'Eva',
  'Jesse',
  'Anouk',
  'Thijs',
  'Yara',
  'Lucas',
  'Iris',
  'Milan',
  'Sophie',
  'Rachid',
  'Femke',
  'Ruben',
  'Priya',
  'Joris',
  'Lieke',
  'Koen',
] as const
export const LAST_NAMES = [
  ['', 'Jansen'],
  ['de', 'Vries'],
  ['van', 'Dijk'],
  ['', 'Bakker'],
  ['', 'Visser'],
  ['', 'Smit'],
  ['', 'Meijer'],
  ['de', 'Boer'],
  ['', 'Mulder'],
  ['de', 'Groot'],
  ['', 'Bos'],
  ['', 'Vos'],
  ['', 'Peters'],
  ['', 'Hendriks'],
  ['van', 'Leeuwen'],
  ['', 'Dekker'],
  ['', 'Özdemir'],
  ['', 'El Amrani'],
  ['', 'Brouwer'],
  ['de', 'Wit'],
] as const
export const CITIES = [
  ['Amersfoort', '3811'],
  ['Utrecht', '3511'],
  ['Zwolle', '8011'],
  ['Apeldoorn', '7311'],
  ['Gouda', '2801'],
  ['Ede', '6711'],
  ['Deventer', '7411'],
] as const
export const STREETS = [
  'Dorpsstraat',
  'Kerkstraat',
  'Stationsweg',
  'Molenweg',
  'Schoolstraat',
  'Julianalaan',
  'Beukenlaan',
] as const

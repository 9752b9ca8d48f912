/** Lower case with accents stripped, so "Özdemir" is found with "ozdemir". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** Dutch sort order for names. */
export const dutchCollator = new Intl.Collator('nl', { sensitivity: 'base' })

/** A count with its noun in Dutch singular or plural: `countOf(1, 'dossier', 'dossiers')` is "1 dossier". */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

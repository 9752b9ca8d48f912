/** Lower case with accents stripped, so "Özdemir" is found with "ozdemir". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** Dutch sort order for names. */
export const dutchCollator = new Intl.Collator('nl', { sensitivity: 'base' })

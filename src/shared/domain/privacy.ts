/**
 * Privacy by design (poortwachter-domain.md §5.2, §5.3, §5.5): the employer side may not record
 * diagnosis, cause, symptoms, treatment or pregnancy as a health fact. Hervat has no field for any
 * of these; every free-text field carries the hint below, and this detector raises a
 * non-blocking warning when a text looks medical (§5.5 item 1: "a simple client-side keyword
 * warning for diagnosis-like words").
 */
export const NO_MEDICAL_INFO_HINT =
  'Geen medische informatie: geen diagnose, oorzaak, klachten of behandeling. Alleen functionele beperkingen zoals de bedrijfsarts die rapporteert.'

/** Word stems that indicate diagnosis, symptoms, treatment or care providers. Lower case. */
const MEDICAL_STEMS = [
  'diagnose',
  'ziekte van',
  'burn-out',
  'burnout',
  'overspann',
  'depressi',
  'angststoorn',
  'paniekaanval',
  'kanker',
  'tumor',
  'chemo',
  'bestraling',
  'hernia',
  'rugklacht',
  'nekklacht',
  'klachten',
  'pijn',
  'migraine',
  'griep',
  'corona',
  'covid',
  'long covid',
  'hartinfarct',
  'hartaanval',
  'beroerte',
  'diabetes',
  'epilepsie',
  'astma',
  'reuma',
  'artrose',
  'fractuur',
  'gebroken',
  'operatie',
  'geopereerd',
  'ziekenhuis',
  'opgenomen',
  'huisarts',
  'specialist',
  'neuroloog',
  'cardioloog',
  'psycholoog',
  'psychiater',
  'fysiotherap',
  'therapie',
  'therapeut',
  'medicatie',
  'medicijn',
  'antidepressiva',
  'zwanger',
  'miskraam',
  'verslav',
  'alcohol',
  'adhd',
  'autisme',
  'ptss',
  'trauma',
] as const

/** Letters, digits and the hyphen of compounds ("burn-out", "rug-operatie") make up a word. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}-]/u

/**
 * The medical-looking words found in a text (empty when none), each as the whole word the text
 * holds ("depressieve", never the stem "depressi"), lower case, in the order of the stem list,
 * each once. A stem of two words ("ziekte van") yields the phrase from word start to word end.
 */
export function findMedicalTerms(text: string | undefined | null): string[] {
  if (!text) return []
  const lower = text.toLowerCase()
  const found: string[] = []
  for (const stem of MEDICAL_STEMS) {
    let at = lower.indexOf(stem)
    while (at >= 0) {
      let start = at
      let end = at + stem.length
      while (start > 0 && WORD_CHAR.test(lower.charAt(start - 1))) start--
      while (end < lower.length && WORD_CHAR.test(lower.charAt(end))) end++
      const word = lower.slice(start, end).replace(/^-+|-+$/g, '')
      if (!found.includes(word)) found.push(word)
      at = lower.indexOf(stem, end)
    }
  }
  return found
}

export function medicalWarning(text: string | undefined | null): string | undefined {
  const terms = findMedicalTerms(text)
  if (terms.length === 0) return undefined
  return `Deze tekst lijkt medische informatie te bevatten (${terms.join(', ')}). Leg alleen niet-medische gegevens vast.`
}

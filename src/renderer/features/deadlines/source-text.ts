/**
 * The rule texts as a casemanager reads them: the rule core cites the insurers' conditions by
 * the id of the document they were taken from ("seed 003") and the domain specification by
 * section ("domein §6.2"), which mean nothing on screen. This keeps the clause and drops the
 * developer's references: "De Goudse (seed 003 art. 2.3.3)" becomes "De Goudse
 * (polisvoorwaarden art. 2.3.3)", "De Amersfoortse art. 4.1 (seed 000)" becomes
 * "De Amersfoortse art. 4.1".
 */
const CODE = String.raw`(?:seed \d{3}(?:,\s*\d{3})*|domein §[\d.]+(?:\s+[A-Z]{2,}-T?\d+)?|PG-[A-Z]+-\d+|[A-Z]{2,}-T\d+)`

export function plainSource(text: string): string {
  return (
    text
      // "(seed 003 art. 2.3.3)" → "(polisvoorwaarden art. 2.3.3)"
      .replace(/\(seed \d{3}(?:,\s*\d{3})* (art\. [^)]+)\)/g, '(polisvoorwaarden $1)')
      // Parentheses holding only references: dropped with the space before them.
      .replace(new RegExp(String.raw`\s*\(${CODE}(?:,\s*${CODE})*\)`, 'g'), '')
      // A reference left inside other words.
      .replace(/;?\s*uitleg domein §[\d.]+(?:\s+[A-Z]{2,}-T?\d+)?/g, '')
      .replace(/\bseed \d{3}(?:,\s*\d{3})*/g, 'polisvoorwaarden')
      .replace(/,?\s*domein §[\d.]+/g, '')
  )
}

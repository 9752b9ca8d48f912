/**
 * Which text fields of the domain schemas are free text (domain §5.5 item 1): whatever a user
 * types there may slip into medical detail, so the form warns when it looks medical. Every field
 * of every input schema that accepts arbitrary text is listed in exactly one of the two maps
 * below (free-text.test.ts enumerates the schemas and fails on an unlisted one), and the form
 * controls warn on every key in FREE_TEXT_KEYS (form-fields.tsx; the e2e test types in every form).
 * Keys are the schema's property names; nested ones (`address.street`) by their last part.
 */
export const FREE_TEXT_KEYS: Readonly<Record<string, string>> = {
  summary: 'verslag van een contactmoment',
  participants: 'deelnemers: kan een behandelaar noemen',
  note: 'toelichting',
  motivation: 'motivering van een vervallen stap',
  provider: 'aanbieder van een interventie: kan een behandelaar zijn',
  withWhom: 'met wie een afspraak is: kan een arts of therapeut zijn',
  location: 'locatie van een afspraak: kan een ziekenhuis of praktijk zijn',
  title: 'titel van een document',
  reason: 'reden van een juridische blokkade',
}

/** Text fields that hold a name, an address part or an identifier, not a description. */
export const STRUCTURED_TEXT_KEYS: Readonly<Record<string, string>> = {
  name: 'naam van een organisatie of persoon',
  firstName: 'voornaam',
  infix: 'tussenvoegsel',
  lastName: 'achternaam',
  organisation: 'naam van een organisatie',
  street: 'straatnaam',
  houseNumber: 'huisnummer',
  city: 'plaatsnaam',
  jobTitle: 'functienaam',
  casemanager: 'naam van de casemanager',
  employeeId: 'verwijzing (id)',
  employerId: 'verwijzing (id)',
  key: 'code van een mijlpaal',
  corrects: 'verwijzing (id) naar het gecorrigeerde contactmoment',
}

/** Whether a form field (dotted react-hook-form name) is free text that must warn. */
export function isFreeTextField(name: string): boolean {
  const last = name.split('.').pop() ?? name
  return Object.hasOwn(FREE_TEXT_KEYS, last)
}

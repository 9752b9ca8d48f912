/** Dutch text of the sync client (style.md rule 11: UI text in one place per feature). */
export const syncText = {
  signedOut: 'Niet gekoppeld aan een server: alles blijft op deze computer.',
  embeddedRetired:
    'Hervat heeft geen ingebouwde server meer. Uw gegevens staan veilig op deze computer; log in op de server van uw organisatie om weer te synchroniseren. Alles wat u eerder verstuurde, gaat dan opnieuw mee.',
  offline: 'Offline: wijzigingen worden bewaard en later verstuurd.',
  syncing: 'Bezig met synchroniseren…',
  upToDate: 'Gesynchroniseerd.',
  unreachable: 'De server is niet bereikbaar; Hervat probeert het later opnieuw.',
  sessionExpired: 'Uw sessie is verlopen. Log opnieuw in om verder te synchroniseren.',
  serverSaid: (message: string, field?: string) =>
    `Synchroniseren mislukt: ${message}${field ? ` (veld ${field})` : ''}`,
  failed: (detail: string) => `Synchroniseren mislukt: ${detail}`,
  badServerUrl: 'Vul een serveradres in dat begint met http:// of https://.',
  emailRequired: 'Vul uw e-mailadres in.',
  passwordRequired: 'Vul uw wachtwoord in.',
  statusLabel: {
    'signed-out': 'Sync uit',
    idle: 'Gesynchroniseerd',
    syncing: 'Synchroniseren…',
    offline: 'Offline',
    error: 'Sync-fout',
  },
  pending: (n: number) =>
    n === 0
      ? 'Geen wijzigingen te versturen'
      : n === 1
        ? '1 wijziging te versturen'
        : `${n} wijzigingen te versturen`,
  lastSynced: (at: string | null) =>
    at
      ? `Laatst gesynchroniseerd: ${new Date(at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })}`
      : 'Nog niet gesynchroniseerd',
  progress: (done: number, total: number) =>
    `Eerste synchronisatie: ${done} van ${total} wijzigingen ontvangen`,
  conflicts: (n: number) => (n === 1 ? '1 conflict' : `${n} conflicten`),
  badRevoked: 'de server stuurde een ongeldige lijst van overgedragen dossiers (veld revoked).',
  refused: (n: number) =>
    n === 1
      ? '1 wijziging is niet verstuurd: de server neemt haar niet aan.'
      : `${n} wijzigingen zijn niet verstuurd: de server neemt ze niet aan.`,
} as const

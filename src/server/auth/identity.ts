/**
 * The one form of an account's e-mail address (ADR 0012): surrounding white space removed,
 * Unicode NFC, lower case. Every path that stores, looks up or limits by an e-mail address uses
 * it, so `" Victim@A.test"` and `"victim@a.test"` are the same account to the login limit as
 * well as to authentication.
 */
export function normaliseEmail(input: string): string {
  return input.trim().normalize('NFC').toLowerCase()
}

export type LibraryLicence = {
  readonly name: string
  readonly version: string
  readonly license: string
  readonly text: string | null
}
export function collectLicences(root: string): LibraryLicence[]
export const LICENCES_FILE: string

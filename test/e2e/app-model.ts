import { expect, type Page } from '@playwright/test'

/** Page model of Hervat's browser build: actions a casemanager takes, by visible labels. */
export class HervatApp {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/')
    await expect(this.page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible()
  }

  async nav(label: 'Caseload' | 'Nieuw dossier' | 'Werkgevers' | 'Gegevens') {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: label })
      .click()
  }

  async tab(label: string) {
    await this.page
      .getByRole('navigation', { name: 'Onderdelen van het dossier' })
      .getByRole('link', { name: label })
      .click()
  }

  form(name: string) {
    return this.page.getByRole('form', { name })
  }

  async createEmployerFromNewDossier(name: string) {
    await this.nav('Nieuw dossier')
    await this.page.getByRole('button', { name: 'Nieuwe werkgever' }).click()
    const f = this.form('Werkgever')
    await f.getByLabel('Naam werkgever').fill(name)
    await f.getByLabel('KvK-nummer').fill('12345678')
    await f.getByLabel('Loonheffingennummer').fill('123456789L01')
    await f.getByLabel('Postcode', { exact: true }).fill('3811 AB')
    await f.getByRole('button', { name: 'Werkgever opslaan' }).click()
    await expect(f).toBeHidden()
    await expect(this.page.getByRole('combobox', { name: 'Werkgever', exact: true })).toHaveValue(
      /.+/,
    )
  }

  async fillNewEmployeeDossier(v: {
    firstName: string
    lastName: string
    bsn: string
    firstSickDay: string
    casemanager?: string
  }) {
    const f = this.form('Nieuw dossier')
    await f.getByLabel('Voornaam').fill(v.firstName)
    await f.getByLabel('Achternaam').fill(v.lastName)
    await f.getByLabel('BSN').fill(v.bsn)
    await f.getByLabel('Geboortedatum').fill('14-03-1985')
    await f.getByLabel('Functie').fill('Administratief medewerker')
    await f.getByLabel('Contracturen per week').fill('32')
    await f.getByLabel('In dienst sinds').fill('01-09-2015')
    await f.getByLabel('Casemanager').fill(v.casemanager ?? 'Petra Visser')
    await f.getByLabel('Eerste ziektedag').fill(v.firstSickDay)
    await f.getByLabel('Ziek gemeld bij werkgever op').fill(v.firstSickDay)
    await f.getByRole('button', { name: 'Dossier aanmaken' }).click()
  }
}

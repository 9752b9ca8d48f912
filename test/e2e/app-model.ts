import { expect, type Page } from '@playwright/test'

/** Page model of Hervat's browser build: actions a casemanager takes, by visible labels. */
export class HervatApp {
  constructor(readonly page: Page) {}

  /** The passphrase the page model sets on first start and unlocks with. */
  static readonly PASSPHRASE = 'test-wachtwoord-hervat'

  /**
   * Opens the app as a casemanager would: sets the passphrase on first start, or unlocks.
   * Afterwards a lock screen that appears (after a reload) is unlocked again automatically,
   * unless `autoUnlock` is false (specs that test the lock itself).
   */
  async open(options: { readonly autoUnlock?: boolean } = {}) {
    await this.page.goto('/')
    const nav = this.page.getByRole('navigation', { name: 'Hoofdmenu' })
    const setup = this.page.getByRole('form', { name: 'Wachtwoord instellen' })
    const unlock = this.page.getByRole('form', { name: 'Ontgrendelen' })
    await expect(nav.or(setup).or(unlock)).toBeVisible()
    if (await setup.isVisible()) {
      await setup.getByLabel('Nieuw wachtwoord').fill(HervatApp.PASSPHRASE)
      await setup.getByLabel('Herhaal wachtwoord').fill(HervatApp.PASSPHRASE)
      await setup.getByRole('button', { name: 'Wachtwoord instellen' }).click()
    } else if (await unlock.isVisible()) {
      await this.unlock()
    }
    await expect(nav).toBeVisible({ timeout: 15_000 })
    if (options.autoUnlock !== false && !this.unlocksAfterLoad) {
      this.unlocksAfterLoad = true
      this.page.on('load', () => void this.unlockAfterLoad())
    }
  }

  private unlocksAfterLoad = false

  /** After a reload the key is gone (memory only): unlock as the user would, then go on. */
  private async unlockAfterLoad() {
    const form = this.page.getByRole('form', { name: 'Ontgrendelen' })
    try {
      await form.waitFor({ timeout: 10_000 })
      await form.getByLabel('Wachtwoord').fill(HervatApp.PASSPHRASE)
      await form.getByRole('button', { name: 'Ontgrendelen', exact: true }).click()
    } catch {
      // The page went on or closed (end of the test): nothing to unlock.
    }
  }

  /** Enters the passphrase on the lock screen and waits for the app. */
  async unlock(passphrase = HervatApp.PASSPHRASE) {
    const form = this.page.getByRole('form', { name: 'Ontgrendelen' })
    await form.getByLabel('Wachtwoord').fill(passphrase)
    await form.getByRole('button', { name: 'Ontgrendelen', exact: true }).click()
    await expect(this.page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible({
      timeout: 15_000,
    })
  }

  async nav(label: 'Caseload' | 'Nieuw dossier' | 'Werkgevers' | 'Rapportages' | 'Gegevens') {
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

  /** Draws a signature with the mouse on the canvas with this accessible name. */
  async drawSignature(label: string) {
    const pad = this.page.getByRole('img', { name: label })
    await pad.scrollIntoViewIfNeeded()
    const box = await pad.boundingBox()
    if (!box) throw new Error(`Geen handtekeningvak ${label}`)
    const at = (fx: number, fy: number) =>
      [box.x + box.width * fx, box.y + box.height * fy] as const
    await this.page.mouse.move(...at(0.1, 0.6))
    await this.page.mouse.down()
    for (const [fx, fy] of [
      [0.2, 0.3],
      [0.3, 0.7],
      [0.45, 0.35],
      [0.6, 0.65],
      [0.8, 0.4],
    ] as const)
      await this.page.mouse.move(...at(fx, fy), { steps: 6 })
    await this.page.mouse.up()
  }
}

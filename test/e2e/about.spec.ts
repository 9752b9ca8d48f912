import { expect, test } from '@playwright/test'
import { HervatApp } from './app-model'

test('"Over Hervat" shows the version, where the data is, and the licences; Escape closes it', async ({
  page,
}) => {
  const app = new HervatApp(page)
  await app.open()
  await page.getByRole('link', { name: 'Over Hervat' }).click()
  const dialog = page.getByRole('dialog', { name: 'Over Hervat' })
  await expect(dialog).toContainText(/Versie\s*0\.\d+\.\d+/)
  await expect(dialog).toContainText('IndexedDB van deze website')
  await dialog.getByText(/^dexie \d+\.\d+\.\d+: Apache-2\.0$/).click()
  await expect(dialog.locator('details[open]')).toContainText('Apache License')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

import type { Configuration } from 'electron-builder'

/*
 * Installers (docs/adr/0014): `npm run dist` builds the app with electron-vite, then packs it
 * for the current OS (`-- --linux`, `--win`, `--mac` for others where the OS allows).
 *
 * Nothing secret lives here. electron-builder reads code-signing material from the environment
 * only: CSC_LINK and CSC_KEY_PASSWORD (macOS and Windows; WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD
 * for Windows alone), APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER for notarisation.
 * The settings below that depend on the build machine come from the environment as well:
 * - HERVAT_UPDATE_URL: the organisation's update feed, e.g. https://sync.bureau.nl/updates/stable
 *   (served by the sync server from HERVAT_UPDATES_DIR). Without it, no update metadata is made
 *   and the installed app does not look for updates.
 * - HERVAT_WIN_PUBLISHER: the publisher name exactly as in the Windows code-signing certificate;
 *   electron-updater refuses a Windows update whose signature names another publisher.
 */

const env = process.env
const updateUrl = env['HERVAT_UPDATE_URL']?.trim() || undefined
const winPublisher = env['HERVAT_WIN_PUBLISHER']?.trim() || undefined

/** The file type of a Hervat backup (`.hervat`), opened by double-click. */
export const BACKUP_FILE_ASSOCIATION = {
  ext: 'hervat',
  name: 'Hervat-reservekopie',
  description: 'Hervat-reservekopie',
  mimeType: 'application/x-hervat-backup',
  role: 'Editor',
  icon: 'icon',
} as const

const config: Configuration = {
  appId: 'nl.hervat.app',
  productName: 'Hervat',
  copyright: 'Copyright © Hervat',
  directories: { buildResources: 'resources', output: 'dist' },
  // electron-vite's output plus package.json; production dependencies are added by electron-builder.
  files: ['out/**/*', 'package.json', '!**/*.map'],
  // The tray icon (where the OS has no badge for the overdue count), read by main at run time.
  extraResources: [{ from: 'resources/icons/32x32.png', to: 'tray.png' }],
  asar: true,
  fileAssociations: [BACKUP_FILE_ASSOCIATION],
  publish: updateUrl ? [{ provider: 'generic', url: updateUrl, channel: 'latest' }] : null,

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'icons',
    category: 'Office',
    synopsis: 'Re-integratiedossiers en Poortwachter-termijnen, ook offline',
    description:
      'Hervat: offline re-integratiedossiers en Poortwachter-termijnen voor casemanagers.',
    maintainer: 'Hervat <beheer@hervat.nl>',
    vendor: 'Hervat',
    executableName: 'hervat',
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  deb: { packageCategory: 'office', priority: 'optional' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'icon.ico',
    ...(winPublisher ? { signtoolOptions: { publisherName: winPublisher } } : {}),
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // Dutch installer screens (LCID 1043) and nothing else.
    installerLanguages: ['nl_NL'],
    language: '1043',
    multiLanguageInstaller: false,
    displayLanguageSelector: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Hervat',
    uninstallDisplayName: 'Hervat',
    // Uninstalling keeps the user's data folder (the encrypted dossiers) unless they delete it.
    deleteAppDataOnUninstall: false,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },

  mac: {
    target: ['dmg', 'zip'],
    icon: 'icon.icns',
    category: 'public.app-category.business',
    hardenedRuntime: true,
    // Notarised only when the APPLE_* variables are set (see above).
    notarize: Boolean(env['APPLE_API_KEY'] || env['APPLE_ID']),
  },
  dmg: { title: 'Hervat ${version}', artifactName: '${productName}-${version}-${arch}.${ext}' },
}

export default config

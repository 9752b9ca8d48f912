import type * as Generate from './generate'

/**
 * The document generator (pdf-lib, fontkit, fflate and the fonts) is loaded apart from the app's
 * first screen, and fetched once as soon as the app starts, so a browser session that opened
 * with a connection can still make documents after it went offline. The Electron build reads
 * the same files from the app package.
 */
type Generator = typeof Generate
let loading: Promise<Generator> | undefined

export function loadGenerator(): Promise<Generator> {
  loading ??= import('./generate').then(
    async (m) => {
      await m.documentFonts()
      return m
    },
    (e: unknown) => {
      loading = undefined
      throw e
    },
  )
  return loading
}

/** Starts loading in the background; errors surface on the first real use. */
export function preloadGenerator(): void {
  loadGenerator().catch(() => {
    loading = undefined
  })
}

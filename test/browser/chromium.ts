import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/**
 * Flags for a headless Chromium on a machine without outside network: no sandbox (root in
 * containers), no GPU, and none of the background services that would keep dialling out.
 * @example
 * chromium.launch({ args: CHROMIUM_ARGS })
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Launches the system's Chromium (`CHROMIUM_PATH`, else `/usr/bin/chromium`) headless.
 * @example
 * const browser = await launchChromium()
 * const page = await browser.newPage()
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    throw new Error(
      `Failed to launch Chromium: ${executablePath} does not exist. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] })
}

// Runs before `npm test` and `npm run test:browser`: the browser project drives the system's
// Chromium (CHROMIUM_PATH, else /usr/bin/chromium). Where it is missing and this is a Debian
// or Ubuntu machine where we are root, install it with apt-get; anywhere else, say what to do.

import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const root = process.getuid?.() === 0
const apt = existsSync('/usr/bin/apt-get')
if (process.env.CHROMIUM_PATH || !root || !apt) {
  console.error(
    `\n*** npm test: no Chromium at ${path}, which the browser tests need. ${
      process.env.CHROMIUM_PATH
        ? 'CHROMIUM_PATH names a file that does not exist.'
        : 'Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.'
    } Or run the other projects alone: npm run test:unit (and test:server, test:contract). ***\n`,
  )
  process.exit(1)
}
console.log(
  `\n*** npm test: no Chromium at ${path}; installing Debian's chromium with apt-get ***\n`,
)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
  stdio: 'inherit',
  env,
})
if (!existsSync(path)) {
  console.error(`*** apt-get installed chromium, but ${path} still does not exist ***`)
  process.exit(1)
}
console.log(`*** installed ${path} ***`)

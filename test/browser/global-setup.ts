import { buildInspector } from '../../scripts/build-inspector.ts'

/** The browser tests use the built inspector (the server's page, the page-embedded panel). */
export default async function setup(): Promise<void> {
  await buildInspector({ quiet: true })
}

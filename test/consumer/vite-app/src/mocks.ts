// As docs/browser.md shows: the registry mock lives in its own module.
import { setupCseMockWorker } from 'cse-mock/browser'

export async function enableRegistryMock() {
  const { mock, start } = await setupCseMockWorker({ seed: 42, quiet: true })
  await start()
  return mock
}

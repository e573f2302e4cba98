// As docs/browser.md shows: loaded only in development, through a dynamic import that Vite
// drops from the production build together with everything it pulls in.
if (import.meta.env.DEV) {
  const { enableRegistryMock } = await import('./mocks.ts')
  const mock = await enableRegistryMock()
  Object.assign(globalThis, { cseMock: mock })
}

const response = await fetch(
  '/v4/default/registry/instances?appId=shop&serviceName=orders&version=latest',
)
document.querySelector('#out')!.textContent = await response.text()

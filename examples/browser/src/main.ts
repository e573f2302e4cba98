// In an app this import is `from 'cse-mock/browser'`.
import { setupCseMockWorker } from '../../../src/browser.ts'
import type { FaultAction } from '../../../src/faults/types.ts'
import {
  findInstances,
  type InstanceInput,
  listServices,
  registerInstance,
} from './registry-api.ts'
import { element, showError, showInstances, showWorkerState } from './view.ts'

const FAULTS: Record<string, FaultAction> = {
  'status-503': { type: 'status', status: 503, body: 'Service Unavailable' },
  'error-500011': { type: 'error', errorCode: '500011' },
}

const form = element<HTMLFormElement>('#register-form')

async function boot(): Promise<void> {
  // A deterministic registry: the same seed gives the same services on every load.
  // `inspector: true` adds the collapsible inspector panel (bottom right) once the worker runs.
  const { mock, start } = await setupCseMockWorker({ seed: 42, quiet: true, inspector: true })
  await start()
  // The first registry call already goes through the worker.
  const services = await listServices()
  showWorkerState(
    'ready',
    services.ok
      ? `Mock service worker active · ${services.data.length} services in the seeded registry`
      : 'Mock service worker active',
  )
  element<HTMLFieldSetElement>('#controls').disabled = false

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const input = readForm()
    const result = await registerInstance(input)
    element('#register-result').textContent = result.ok
      ? `Registered instance ${result.data.instanceId} of service ${result.data.serviceId}.`
      : 'Registration failed.'
    showError(result.ok ? undefined : result.error)
    if (result.ok) await discover()
  })

  element('#refresh').addEventListener('click', () => discover())

  element('#inject-fault').addEventListener('click', async () => {
    const action = FAULTS[element<HTMLSelectElement>('#fault-kind').value]
    if (!action) return
    mock.faults.add({ match: { operationId: 'findInstances' }, action, times: 1 })
    await discover()
  })
}

async function discover(): Promise<void> {
  const { appId, serviceName } = readForm()
  const result = await findInstances(appId, serviceName)
  showError(result.ok ? undefined : result.error)
  if (result.ok) showInstances(result.data)
}

function readForm(): InstanceInput {
  const data = new FormData(form)
  const field = (name: string) => String(data.get(name) ?? '').trim()
  return {
    appId: field('appId'),
    serviceName: field('serviceName'),
    version: '1.0.0',
    hostName: field('hostName'),
    endpoint: field('endpoint'),
  }
}

boot().catch((error: unknown) => {
  showWorkerState('failed', `The mock did not start: ${String(error)}`)
  console.error(error)
})

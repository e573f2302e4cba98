import type { components } from '../../../src/generated/schema.ts'
import type { ApiError } from './registry-api.ts'

type MicroServiceInstance = components['schemas']['MicroServiceInstance']

/**
 * The page element for a selector; the page is static, so a missing one is a bug.
 * @example
 * element<HTMLFormElement>('#register-form')
 */
export function element<T extends Element = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector)
  if (!found)
    throw new Error(`Failed to find ${selector}: the page markup changed. Update view.ts.`)
  return found
}

/**
 * Shows whether the mock service worker runs; `data-state` is what tests wait for.
 * @example
 * showWorkerState('ready', 'Mock service worker active')
 */
export function showWorkerState(state: 'ready' | 'failed', text: string): void {
  const status = element('#worker-status')
  status.dataset.state = state
  status.textContent = text
}

/**
 * Fills the discovered-instances table.
 * @example
 * showInstances([{ instanceId: 'a1', hostName: 'checkout-1', endpoints: ['rest://10.0.0.7:8080'], status: 'UP' }])
 */
export function showInstances(instances: MicroServiceInstance[]): void {
  const rows = instances.map((instance) => {
    const row = document.createElement('tr')
    const cells = [
      instance.instanceId ?? '',
      instance.hostName ?? '',
      (instance.endpoints ?? []).join(', '),
      instance.status ?? '',
    ]
    row.append(...cells.map(cell))
    return row
  })
  element('#instances tbody').replaceChildren(...rows)
  element('#instances-empty').hidden = instances.length > 0
  element('#instances-empty').textContent = 'No instances registered for this service.'
}

/**
 * Shows the error the last call received, or clears it.
 * @example
 * showError({ status: 503, message: 'Service Unavailable' })
 */
export function showError(error: ApiError | undefined): void {
  const alert = element('#last-error')
  alert.hidden = error === undefined
  if (!error) return
  const code = error.errorCode ? ` · errorCode ${error.errorCode}` : ''
  alert.textContent = `The page received HTTP ${error.status}${code}: ${error.message}`
}

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td')
  td.textContent = text
  return td
}

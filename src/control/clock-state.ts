import type { CseMock } from '../mock.ts'
import type { ClockState } from './inspector-client.ts'

/**
 * The mock's clock as the control API reports it: now, as ISO text, and whether it is virtual.
 * @example
 * clockStateOf(mock).virtual // true with { clock: 'virtual' }
 */
export function clockStateOf(mock: CseMock): ClockState {
  const now = mock.clock.now()
  const virtual = 'advance' in mock.clock && typeof mock.clock.advance === 'function'
  return { now, iso: new Date(now).toISOString(), virtual }
}

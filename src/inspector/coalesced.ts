/**
 * Wraps a load so only one runs at a time; calls meanwhile make one more. Between two loads it
 * waits twice as long as the last one took: a registry of 10,000 instances under steady
 * heartbeats is read every few seconds instead of all the time, which would keep the mock
 * itself busy. A failure goes to `fail`.
 * @example
 * const loadRegistry = coalesced(async () => { registry.value = await client.registry() }, fail)
 */
export function coalesced(load: () => Promise<void>, fail: (reason: unknown) => void) {
  let running = false
  let again = false
  return async (): Promise<void> => {
    if (running) {
      again = true
      return
    }
    running = true
    try {
      do {
        again = false
        const started = performance.now()
        await load()
        if (again) {
          const pause = Math.min(5000, 2 * (performance.now() - started))
          await new Promise((resolve) => setTimeout(resolve, pause))
        }
      } while (again)
    } catch (reason) {
      fail(reason)
    } finally {
      running = false
    }
  }
}

import http from 'node:http'
import { HttpResponse, http as route } from 'msw'

/**
 * The code of the process warning emitted when two msw servers (or interceptors) share one process.
 * @example
 * process.on('warning', (w) => { if ('code' in w && w.code === SHARED_NETWORK_WARNING) throw w })
 */
export const SHARED_NETWORK_WARNING = 'CSE_MOCK_SHARED_NETWORK'

const ADVICE =
  "Only the server that listened last answers requests. Use one server: add your handlers to cse-mock's (`cse.server.use(...handlers)`), or spread cse-mock's handlers into yours (`setupServer(...handlers, ...withControlHandlers(mock))`)"

// Port 2 on loopback (fetch refuses port 1): should the probe ever leave the process, nothing
// listens there and it is refused at once.
const PROBE_URL = 'http://127.0.0.1:2/__cse-mock/probe'
const PROBE_HEADER = 'x-cse-mock-probe'

/** A handler that only cse-mock's own server answers; put it first in that server. */
export const probeHandler = route.get(
  PROBE_URL,
  () => new HttpResponse(null, { status: 204, headers: { [PROBE_HEADER]: 'ours' } }),
)

/** Whether something (an msw server, nock, …) has replaced Node's `http.request`. */
function intercepted(): boolean {
  return http.request.name !== 'request'
}

/**
 * Starts an msw server (one whose first handler is `probeHandler`) and warns when another
 * interceptor is already active. Returns a check for later (say after each test) that warns
 * once when another msw server has taken the network since. Both emit a process warning with
 * the code `CSE_MOCK_SHARED_NETWORK`: two msw servers in one process do not compose.
 * @example
 * const stillAlone = listenAlone(() => server.listen(), 'setupCseMock')
 * await stillAlone() // in afterEach: warns if the user's own setupServer listened meanwhile
 */
export function listenAlone(listen: () => void, who: string): () => Promise<void> {
  let warned = false
  if (intercepted()) {
    warned = true
    warn(
      `${who} starts an msw server while another msw server (or HTTP interceptor) is already listening in this process. ${ADVICE}.`,
    )
  }
  listen()
  return async () => {
    if (warned || (await probeAnswered())) return
    warned = true
    warn(
      `another msw server (or HTTP interceptor) started listening after ${who} and took its requests. ${ADVICE}.`,
    )
  }
}

async function probeAnswered(): Promise<boolean> {
  try {
    const response = await fetch(PROBE_URL, { signal: AbortSignal.timeout(2_000) })
    return response.headers.get(PROBE_HEADER) === 'ours'
  } catch {
    return false
  }
}

function warn(message: string): void {
  process.emitWarning(message, { type: 'CseMockWarning', code: SHARED_NETWORK_WARNING })
}

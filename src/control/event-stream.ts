import type { ChangeFeed } from './change-feed.ts'

/** A comment line this often keeps proxies and idle timers from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000

/**
 * `GET /__cse-mock/events`: the change feed as server-sent events, one JSON `InspectorEvent`
 * per `data:` line. It ends when the client goes away or the server closes.
 * @example
 * return eventStreamResponse(changeFeedOf(mock), request.signal)
 */
export function eventStreamResponse(feed: ChangeFeed, signal: AbortSignal): Response {
  const encoder = new TextEncoder()
  let cleanup = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text))
      }
      const end = () => {
        if (!open) return
        open = false
        cleanup()
        controller.close()
      }
      // Two chunks at once: the standalone server starts streaming after its second chunk.
      write(': cse-mock events\n\n')
      write('retry: 1000\n\n')
      const unsubscribe = feed.subscribe((event) => write(`data: ${JSON.stringify(event)}\n\n`))
      const keepAlive = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS)
      const offClose = feed.onClose(end)
      cleanup = () => {
        unsubscribe()
        clearInterval(keepAlive)
        offClose()
        signal.removeEventListener('abort', end)
      }
      if (signal.aborted) end()
      else signal.addEventListener('abort', end)
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=UTF-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    },
  })
}

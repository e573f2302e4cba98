import { type RenderedAnswer, type ResponseRenderer, renderError, renderResult } from './respond.ts'

// Keyed by the Response itself, so the answer goes away with it.
const answers = new WeakMap<Response, RenderedAnswer>()

/**
 * The renderer of the standalone server's direct route. A `Response` with a body costs a
 * stream to build and another to read back (≈ 15–30 µs each on Node 24), more than the
 * registry call it carries; these Responses carry status and headers for the interceptors and
 * keep the rendered body beside them for the server to write as it is.
 * @example
 * const response = prerenderedRenderer.result({ body: { instances: [] } })
 * prerenderedAnswerOf(response)?.body // '{"instances":[]}'
 */
export const prerenderedRenderer: ResponseRenderer = {
  result: (result) => prerendered(renderResult(result)),
  error: (error) => prerendered(renderError(error)),
}

/**
 * The answer behind a Response made by `prerenderedRenderer`; `undefined` for any other
 * Response (a fault's, for instance), whose body is read as usual.
 * @example
 * const answer = prerenderedAnswerOf(response)
 */
export function prerenderedAnswerOf(response: Response): RenderedAnswer | undefined {
  return answers.get(response)
}

function prerendered(answer: RenderedAnswer): Response {
  const response = new Response(null, { status: answer.status, headers: answer.headers })
  answers.set(response, answer)
  return response
}

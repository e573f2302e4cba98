/**
 * HTTP methods of the control API.
 * @example
 * const method: ControlMethod = 'get'
 */
export type ControlMethod = 'get' | 'post' | 'put' | 'delete'

/**
 * What a control route handler receives.
 * @example
 * const handle = ({ params }: ControlInput) => controlJson(200, { id: params.id })
 */
export interface ControlInput {
  request: Request
  url: URL
  params: Record<string, string>
}

/**
 * One route under the control prefix; adapters may add their own (the server's inspector page).
 * @example
 * const route: ControlRoute = { method: 'get', path: '/ui', handle: () => new Response('…') }
 */
export interface ControlRoute {
  /** The operationId of spec/cse-mock-control.yaml, which authorization is asked about. */
  operationId: string
  method: ControlMethod
  /** MSW path under the prefix, e.g. `/faults/:id`. */
  path: string
  handle(input: ControlInput): Response | Promise<Response>
}

const operations = new WeakMap<Response, string>()

/**
 * Remembers which spec operation a response answered, so checks can name it.
 * @example
 * tagResponse(response, 'getService')
 */
export function tagResponse(response: Response, operationId: string): void {
  operations.set(response, operationId)
}

/**
 * The operation a response answered, as tagged by the spec check.
 * @example
 * operationOfResponse(result.response) // 'getService'
 */
export function operationOfResponse(response: Response): string | undefined {
  return operations.get(response)
}

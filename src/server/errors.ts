/**
 * Thrown when the standalone server cannot start, for example because its port is taken; `code`
 * is stable (`ERR_PORT_IN_USE`, `ERR_LISTEN`), the message says what to do.
 * @example
 * try { await startCseMockServer({ port: 30100 }) } catch (e) { if (e instanceof CseMockServerError && e.code === 'ERR_PORT_IN_USE') console.log(e.message) }
 */
export class CseMockServerError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CseMockServerError'
    this.code = code
  }
}

/**
 * Turns a `listen` failure into a `CseMockServerError` that names the address.
 * @example
 * listenError(Object.assign(new Error('in use'), { code: 'EADDRINUSE' }), '127.0.0.1', 30100)
 */
export function listenError(error: unknown, host: string, port: number): CseMockServerError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const address = `${host}:${port}`
  if (code === 'EADDRINUSE') {
    return new CseMockServerError(
      'ERR_PORT_IN_USE',
      `Failed to start the server: ${address} is already in use. Stop the process that holds the port, or choose another port (0 picks a free one).`,
      { cause: error },
    )
  }
  const reason = error instanceof Error ? error.message : String(error)
  return new CseMockServerError(
    'ERR_LISTEN',
    `Failed to start the server: cannot listen on ${address} (${reason}). Check the host and port.`,
    { cause: error },
  )
}

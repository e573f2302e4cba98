/**
 * Why an import stopped: the registry could not be reached, refused the login or a read, sent an
 * answer that is not the registry's, or the import path tried to send a write.
 * @example
 * try { await importRegistry(client) } catch (e) { if (e instanceof ImportError) console.error(e.code, e.message) }
 */
export class ImportError extends Error {
  /** `ERR_IMPORT_UNREACHABLE`, `ERR_IMPORT_REFUSED`, `ERR_IMPORT_ANSWER` or `ERR_IMPORT_WRITE`. */
  readonly code: string
  /** HTTP status of the answer that stopped the import, when there was one. */
  readonly status: number | undefined

  constructor(code: string, message: string, options?: ErrorOptions & { status?: number }) {
    super(message, options)
    this.name = 'ImportError'
    this.code = code
    this.status = options?.status
  }
}

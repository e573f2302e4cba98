import { ImportError } from './errors.ts'

/** What openapi-fetch hands back for one call. */
interface FetchOutcome<T> {
  data?: T
  error?: unknown
  response: Response
}

/** The answer of a read, or `undefined` when the service it was about no longer exists. */
export type ReadAnswer<T> = T | undefined

/**
 * Sends one read and returns its body. A request that could not be sent (refused connection,
 * DNS, TLS, timeout) throws `ERR_IMPORT_UNREACHABLE`; 401 and 403 throw `ERR_IMPORT_REFUSED`;
 * any other answer but 200 throws `ERR_IMPORT_ANSWER`, except `400012` (the service is gone)
 * when `gone` is allowed, which gives `undefined`: a live registry changes while it is read.
 * @example
 * const body = await readAnswer('GET …/microservices', () => reader.GET(path, init))
 */
export async function readAnswer<T>(
  what: string,
  send: () => Promise<FetchOutcome<T>>,
  options: { gone?: boolean } = {},
): Promise<ReadAnswer<T>> {
  let outcome: FetchOutcome<T>
  try {
    outcome = await send()
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(
      'ERR_IMPORT_UNREACHABLE',
      `Failed to import the registry: ${what} could not be sent (${causeOf(error)}). Check --endpoint, the network and TLS options, or raise --timeout.`,
      { cause: error },
    )
  }
  const { data, error, response } = outcome
  if (response.ok && typeof data === 'object' && data !== null) return data
  const envelope = envelopeOf(error)
  const status = response.status
  if (status === 401 || status === 403) {
    throw new ImportError(
      'ERR_IMPORT_REFUSED',
      `Failed to import the registry: ${what} was refused with ${status}${envelope}. Pass --token, or --user and --password, of an account that may read the registry.`,
      { status },
    )
  }
  if (options.gone && status === 400 && envelope.includes('400012')) return undefined
  throw new ImportError(
    'ERR_IMPORT_ANSWER',
    `Failed to import the registry: ${what} answered ${status}${envelope || (response.ok ? ' without a JSON object' : '')}. Check that --endpoint is a CSE or Service Center registry.`,
    { status },
  )
}

function envelopeOf(error: unknown): string {
  if (typeof error === 'string') return error ? ` (${error.trim().slice(0, 200)})` : ''
  if (typeof error !== 'object' || error === null) return ''
  const { errorCode, errorMessage, detail } = error as Record<string, unknown>
  const parts = [errorCode, errorMessage, detail].filter((part) => typeof part === 'string')
  return parts.length ? ` (${parts.join(': ')})` : ''
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: unknown }).cause
  const inner = cause instanceof Error ? cause.message : ''
  return inner && inner !== error.message ? `${error.message}: ${inner}` : error.message
}

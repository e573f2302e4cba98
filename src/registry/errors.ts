/**
 * The registry's error codes and their fixed `errorMessage` texts (reference §10). `400011` is
 * the code Huawei's tables give for what Service Center reports as `500011`.
 * @example
 * ERROR_MESSAGES['400012'] // 'Micro-service does not exist'
 */
export const ERROR_MESSAGES = {
  '400001': 'Invalid parameter(s)',
  '400002': 'Server is Unhealthy',
  '400010': 'Micro-service already exists',
  '400011': 'Registry service is unavailable',
  '400012': 'Micro-service does not exist',
  '400013': 'Micro-service has deployed instance(s)',
  '400014': 'Undefined schema id',
  '400015': 'Not allowed to modify schema',
  '400016': 'Schema does not exist',
  '400017': 'Instance does not exist',
  '400018': 'Tag does not exist',
  '400023': 'Consumer(s) depends on this micro-service',
  '400024': 'Access micro-service refused',
  '400025': 'Endpoint is already belong to other service',
  '400026': 'Micro-service version does not exist',
  '400100': 'Not enough quota',
  '400200': 'Account not exists',
  '400201': 'Role not exists',
  '400202': 'Account has invalid role(s)',
  '400203': 'No quota to create account',
  '400204': 'No quota to create role',
  '400205': 'Role is bound to some user(s)',
  '400206': 'New password is bad',
  '401201': 'Request unauthorized',
  '401202': 'User name or password is wrong',
  '401203': 'No permission(s)',
  '401204': 'No authorization header',
  '401205': 'Token is expired',
  '401206': 'The account that owns the token is deleted',
  '401207': 'Password is wrong',
  '403001': 'Forbidden',
  '403201': 'Account blocked',
  '403202': 'Forbid to operate build-in account(s)',
  '403203': 'Forbid to operate build-in role(s)',
  '403204': 'Forbid to operate your own account',
  '403205': 'No permission(s)',
  '409200': 'account name is duplicated',
  '409201': 'role name is duplicated',
  '500003': 'Internal server error',
  '500011': 'Registry service is unavailable',
  '500101': 'Quota service is unavailable',
} as const

/**
 * A code from the catalogue, e.g. `'400012'`.
 * @example
 * const code: ErrorCode = '400017'
 */
export type ErrorCode = keyof typeof ERROR_MESSAGES

/**
 * The error envelope exactly as the registry sends it (reference §1.5).
 * @example
 * const body: ErrorBody = { errorCode: '400012', errorMessage: 'Micro-service does not exist' }
 */
export interface ErrorBody {
  errorCode: string
  errorMessage: string
  detail?: string
}

/**
 * An expected registry outcome such as "service does not exist": the HTTP layer renders it as
 * the error envelope with HTTP status `code / 1000`.
 * @example
 * throw new RegistryError('400012', 'Service does not exist.')
 */
export class RegistryError extends Error {
  /** Six-digit code as a string, the way it travels on the wire. */
  readonly code: ErrorCode
  /** HTTP status: the code divided by 1000. */
  readonly status: number
  /** The fixed text of the code. */
  readonly errorMessage: string
  /** Free text about this occurrence; omitted from the body when empty. */
  readonly detail: string

  constructor(code: ErrorCode, detail = '') {
    super(detail ? `${ERROR_MESSAGES[code]}: ${detail}` : ERROR_MESSAGES[code])
    this.name = 'RegistryError'
    this.code = code
    this.status = Math.floor(Number(code) / 1000)
    this.errorMessage = ERROR_MESSAGES[code]
    this.detail = detail
  }

  /**
   * The JSON body for this error.
   * @example
   * new RegistryError('400017').toErrorBody() // { errorCode: '400017', errorMessage: 'Instance does not exist' }
   */
  toErrorBody(): ErrorBody {
    const body: ErrorBody = { errorCode: this.code, errorMessage: this.errorMessage }
    if (this.detail) body.detail = this.detail
    return body
  }
}

/**
 * Thrown when the library itself is misused (for example a snapshot of an unknown format);
 * `code` is stable, the message says what failed, why, and what to do.
 * @example
 * throw new RegistryUsageError('ERR_SNAPSHOT_FORMAT', 'Failed to restore: unknown format "x". Pass a snapshot made by snapshot().')
 */
export class RegistryUsageError extends Error {
  /** Stable identifier of the misuse, e.g. `ERR_SNAPSHOT_FORMAT`. */
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'RegistryUsageError'
    this.code = code
  }
}

/**
 * How Service Center words a failed entry inside a batch answer: the fixed message with the
 * detail in parentheses, e.g. `Instance does not exist(Instance does not exist.)`.
 * @example
 * batchErrMessage(new RegistryError('400017', 'gone')) // 'Instance does not exist(gone)'
 */
export function batchErrMessage(error: RegistryError): string {
  return error.detail ? `${error.errorMessage}(${error.detail})` : error.errorMessage
}

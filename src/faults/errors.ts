/**
 * Thrown by `faults.add()` (and answered as 400 by the control API) for a rule it cannot honour.
 * @example
 * try { mock.faults.add({ action: { type: 'status', status: 200 } }) } catch (e) { if (e instanceof InvalidFaultRuleError) console.log(e.code) }
 */
export class InvalidFaultRuleError extends Error {
  readonly code = 'INVALID_FAULT_RULE'

  constructor(reason: string) {
    super(`Failed to add the fault: ${reason}. Fix the rule and add it again.`)
    this.name = 'InvalidFaultRuleError'
  }
}

/**
 * Thrown by `createRequestLog()` for options it cannot honour.
 * @example
 * try { createRequestLog({ capacity: 0 }) } catch (e) { if (e instanceof InvalidRequestLogOptionsError) console.log(e.code) }
 */
export class InvalidRequestLogOptionsError extends Error {
  readonly code = 'INVALID_REQUEST_LOG_OPTIONS'

  constructor(reason: string) {
    super(`Failed to create the request log: ${reason}. Pass a positive integer or leave it out.`)
    this.name = 'InvalidRequestLogOptionsError'
  }
}

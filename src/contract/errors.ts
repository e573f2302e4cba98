/**
 * Misuse of the contract kit, or a safety rule the suite refused to break. The message reads
 * `Failed to <action>: <reason>. <what to do>.` and `code` is stable.
 * @example
 * throw new ContractError('ERR_FOREIGN_WRITE', 'Failed to send DELETE: … . Only …')
 */
export class ContractError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'ContractError'
    this.code = code
  }
}

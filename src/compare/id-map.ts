/** Which endpoint of a comparison a value came from. */
export type Side = 'left' | 'right'

/** Ids and names each side created, so both answers can be read in the same words. */
export interface IdMap {
  /** Records that `name` is `left` on one side and `right` on the other. */
  learn(name: string, left: string, right: string): void
  /** The right side's value for a left value, if learned. */
  toRight(left: string): string | undefined
  /** Replaces every learned value of `side` in `text` by `<name>`. */
  label(side: Side, text: string): string
  /** The variables of one side, for substituting into requests. */
  vars(side: Side): Record<string, string>
}

/**
 * Creates the map that a comparison fills as its sequence captures ids on both sides, e.g.
 * the serviceId each registry gave the same service.
 * @example
 * const ids = createIdMap()
 * ids.learn('provider', 'abc…', '52ce…')
 * ids.label('right', 'service 52ce… not found') // 'service <provider> not found'
 */
export function createIdMap(): IdMap {
  const names: { name: string; left: string; right: string }[] = []
  const byLeft = new Map<string, string>()
  return {
    learn(name, left, right) {
      const known = names.findIndex((entry) => entry.name === name)
      if (known >= 0) names.splice(known, 1)
      names.push({ name, left, right })
      // Longest first, so an id that contains another is replaced whole.
      names.sort(
        (a, b) => Math.max(b.left.length, b.right.length) - Math.max(a.left.length, a.right.length),
      )
      byLeft.set(left, right)
    },
    toRight: (left) => byLeft.get(left),
    label(side, text) {
      let out = text
      for (const entry of names) {
        const value = entry[side]
        if (value.length >= 4 && out.includes(value)) out = out.split(value).join(`<${entry.name}>`)
      }
      return out
    },
    vars(side) {
      return Object.fromEntries(names.map((entry) => [entry.name, entry[side]]))
    },
  }
}

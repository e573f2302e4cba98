import { PROFILE_DIFFERENCES } from './profile.ts'

/**
 * The profile comparison as a markdown table, as the README shows it.
 * @example
 * console.log(profileTable())
 */
export function profileTable(): string {
  const escapeCell = (text: string) => text.replaceAll('|', '\\|')
  const rows = PROFILE_DIFFERENCES.map(
    ({ key, topic, cse, servicecomb }) =>
      `| ${escapeCell(topic)} (\`${key}\`) | ${escapeCell(cse)} | ${escapeCell(servicecomb)} |`,
  )
  return ['| Behaviour | `cse` (default) | `servicecomb` |', '| --- | --- | --- |', ...rows].join(
    '\n',
  )
}

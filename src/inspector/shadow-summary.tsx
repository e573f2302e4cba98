import type { ActiveShadowView, ShadowTotal } from '../shadow/shadow-view.ts'

/**
 * The shadow session's totals: one row per operation, kind of difference and place, the
 * unexpected ones first, then by count; a known difference says its label and reason. A click
 * on a row narrows the records to that operation.
 * @example
 * <ShadowSummary view={view} onOperation={(id) => { operation.value = id }} />
 */
export function ShadowSummary(props: {
  view: ActiveShadowView
  onOperation: (operation: string) => void
}) {
  const { view } = props
  const unlabelled = view.operations.reduce((sum, op) => sum + op.unlabelled, 0)
  const differing = view.operations.reduce((sum, op) => sum + op.differing, 0)
  const totals = [...view.totals].sort(byConcern)
  return (
    <section class="cm-shadow-summary" data-testid="shadow-summary">
      <p class="cm-shadow-line">
        <span>
          live <code>{view.live}</code>
        </span>
        <span data-testid="shadow-counts">
          <b>{view.seen}</b> compared · <b>{differing}</b> differ ·{' '}
          <b class={unlabelled ? 'cm-shadow-bad' : ''}>{unlabelled}</b> unexpected
          {view.refused ? ` · ${view.refused} refused (read-only)` : ''}
          {view.unreachable ? ` · ${view.unreachable} live unreachable` : ''}
        </span>
        <span class="cm-muted">
          since {view.startedAt.slice(11, 19)}
          {view.dropped ? ` · ${view.dropped} older records not kept` : ''}
        </span>
      </p>
      {totals.length === 0 ? (
        <p class="cm-muted cm-shadow-none">
          {view.seen ? 'Every answer agreed so far.' : 'No request yet.'}
        </p>
      ) : (
        <div class="cm-shadow-totals">
          <table class="cm-table">
            <thead>
              <tr>
                <th>operation</th>
                <th>kind</th>
                <th>where</th>
                <th>count</th>
                <th>label</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((total) => (
                <tr
                  key={`${total.operation} ${total.kind} ${total.where} ${total.label ?? ''}`}
                  data-total={`${total.operation} ${total.kind} ${total.where}`}
                  data-label={total.label ?? 'unlabelled'}
                  class={total.label ? 'cm-shadow-known' : 'cm-shadow-unexpected'}
                  onClick={() => props.onOperation(total.operation)}
                >
                  <td>{total.operation}</td>
                  <td>
                    <span class="cm-tag">{total.kind}</span>
                  </td>
                  <td>
                    <code>{total.where || '—'}</code>
                  </td>
                  <td class="cm-shadow-count">{total.count}</td>
                  <td title={total.reason}>
                    {total.label
                      ? `${total.label}${total.reason ? `: ${total.reason}` : ''}`
                      : 'unlabelled'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function byConcern(a: ShadowTotal, b: ShadowTotal): number {
  if ((a.label === undefined) !== (b.label === undefined)) return a.label === undefined ? -1 : 1
  return b.count - a.count || a.operation.localeCompare(b.operation)
}

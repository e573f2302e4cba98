import { useSignal } from '@preact/signals'
import type { ActiveShadowView, ShadowKeptRecord } from '../shadow/shadow-view.ts'
import { timeOfDay } from './format.ts'
import { ShadowDetail } from './shadow-detail.tsx'
import { ShadowSummary } from './shadow-summary.tsx'
import { VirtualList } from './virtual-list.tsx'

const ROW_HEIGHT = 30

type Show = 'all' | 'differing' | 'unlabelled'

/**
 * The shadow tab, shown while the server shadows a live registry: the totals, the latest
 * records newest first (all, differing or with an unexpected difference; by operation), and
 * the differences of the selected one.
 * @example
 * <ShadowTab view={view} />
 */
export function ShadowTab({ view }: { view: ActiveShadowView }) {
  const show = useSignal<Show>('all')
  const operation = useSignal('')
  const selected = useSignal<number | undefined>(undefined)
  const operations = view.operations.map((op) => op.operation).sort()
  const list = view.records.filter(
    (record) =>
      (!operation.value || record.operation === operation.value) && wanted(record, show.value),
  )
  const chosen = view.records.find((record) => record.seq === selected.value)
  return (
    <div class="cm-split">
      <section class="cm-main">
        <ShadowSummary
          view={view}
          onOperation={(id) => {
            operation.value = id
          }}
        />
        <div class="cm-toolbar">
          <label class="cm-select">
            <span>Show</span>
            <select
              aria-label="Show"
              value={show.value}
              onChange={(e) => {
                show.value = (e.currentTarget as HTMLSelectElement).value as Show
              }}
            >
              <option value="all">all requests</option>
              <option value="differing">with differences</option>
              <option value="unlabelled">with unexpected differences</option>
            </select>
          </label>
          <label class="cm-select">
            <span>Operation</span>
            <select
              aria-label="Shadow operation"
              value={operation.value}
              onChange={(e) => {
                operation.value = (e.currentTarget as HTMLSelectElement).value
              }}
            >
              <option value="">all</option>
              {operations.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <span class="cm-muted">
            {list.length} of {view.records.length} kept
          </span>
        </div>
        <div class="cm-row cm-row-head cm-shadow-row">
          <span>time</span>
          <span>method</span>
          <span>path</span>
          <span>operation</span>
          <span>live → mock</span>
          <span>differences</span>
        </div>
        {list.length === 0 ? (
          <p class="cm-empty">No request{view.records.length ? ' matches' : ' yet'}.</p>
        ) : (
          <VirtualList
            label="Shadow records"
            testId="shadow-list"
            count={list.length}
            rowHeight={ROW_HEIGHT}
            keyOf={(index) => list[index]!.seq}
            row={(index) => (
              <RecordRow
                record={list[index]!}
                selected={selected.value === list[index]!.seq}
                onSelect={(seq) => {
                  selected.value = seq
                }}
              />
            )}
          />
        )}
      </section>
      <aside class="cm-side">
        {selected.value !== undefined && !chosen ? (
          <p class="cm-empty">That request is no longer kept (newer ones took its place).</p>
        ) : (
          <ShadowDetail record={chosen} />
        )}
      </aside>
    </div>
  )
}

function RecordRow(props: {
  record: ShadowKeptRecord
  selected: boolean
  onSelect: (seq: number) => void
}) {
  const { record } = props
  const total = record.differences.length + (record.omitted ?? 0)
  const unexpected = record.differences.filter((d) => d.label === undefined).length
  return (
    <button
      type="button"
      class={`cm-row cm-shadow-row${props.selected ? ' cm-selected' : ''}`}
      data-seq={record.seq}
      data-operation={record.operation}
      data-unexpected={unexpected}
      onClick={() => props.onSelect(record.seq)}
    >
      <span class="cm-muted">{timeOfDay(record.at)}</span>
      <span class={`cm-method cm-method-${record.method.toLowerCase()}`}>{record.method}</span>
      <span class="cm-path" title={record.path}>
        {record.path}
      </span>
      <span>{record.operation}</span>
      <span>
        {record.liveError !== undefined ? 'no answer' : record.liveStatus}
        {record.liveStatus === record.mockStatus || record.refused || record.liveError !== undefined
          ? ''
          : ` → ${record.mockStatus}`}
      </span>
      <span class={unexpected ? 'cm-shadow-bad' : 'cm-muted'}>
        {outcome(record, total, unexpected)}
      </span>
    </button>
  )
}

function outcome(record: ShadowKeptRecord, total: number, unexpected: number): string {
  if (record.refused) return 'refused (read-only)'
  if (record.liveError !== undefined) return 'live unreachable'
  if (total === 0) return 'agree'
  return `${total}${unexpected ? ` (${unexpected} unexpected)` : ' known'}`
}

function wanted(record: ShadowKeptRecord, show: Show): boolean {
  if (show === 'all') return true
  if (show === 'differing') return record.differences.length > 0
  return record.differences.some((d) => d.label === undefined)
}

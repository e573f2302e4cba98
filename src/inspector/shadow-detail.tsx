import type { ShadowKeptRecord } from '../shadow/shadow-view.ts'
import { duration, statusClass } from './format.ts'

/**
 * One shadow record: the request, both statuses, and each difference with the live and the
 * mock value, its label and reason.
 * @example
 * <ShadowDetail record={record} />
 */
export function ShadowDetail({ record }: { record: ShadowKeptRecord | undefined }) {
  if (!record) {
    return <p class="cm-empty">Select a request to see where live and mock answered apart.</p>
  }
  return (
    <div class="cm-detail" data-testid="shadow-detail">
      <h3>
        <span class={`cm-method cm-method-${record.method.toLowerCase()}`}>{record.method}</span>{' '}
        {record.operation}
      </h3>
      <p class="cm-path-full">{record.path}</p>
      <p class="cm-muted">
        #{record.seq} · {record.at} · live{' '}
        <span class={`cm-code cm-code-${statusClass(record.liveStatus)}`}>{record.liveStatus}</span>{' '}
        in {duration(record.liveMs)} · mock{' '}
        <span class={`cm-code cm-code-${statusClass(record.mockStatus)}`}>{record.mockStatus}</span>
      </p>
      {record.refused ? (
        <p class="cm-muted">
          Refused by --shadow-read-only with {record.liveStatus}: neither side saw it.
        </p>
      ) : record.liveError !== undefined ? (
        <p class="cm-shadow-bad">
          The live registry gave no answer ({record.liveError}); the mock was not asked.
        </p>
      ) : record.differences.length === 0 ? (
        <p class="cm-muted">Live and mock answered alike.</p>
      ) : (
        record.differences.map((difference, index) => (
          <section
            // Differences have no id; their order within a record never changes.
            key={index}
            class={`cm-section cm-shadow-diff${difference.label ? ' cm-shadow-known' : ''}`}
            data-kind={difference.kind}
            data-where={difference.where}
          >
            <h4>
              <span class="cm-tag">{difference.kind}</span>{' '}
              <code>{difference.where || 'status'}</code>
            </h4>
            <dl class="cm-fields">
              <dt>live</dt>
              <dd data-side="live">
                <code>{difference.left}</code>
              </dd>
              <dt>mock</dt>
              <dd data-side="mock">
                <code>{difference.right}</code>
              </dd>
              <dt>label</dt>
              <dd data-side="label">
                {difference.label ? (
                  <>
                    <b>{difference.label}</b>
                    {difference.reason ? ` — ${difference.reason}` : ''}
                  </>
                ) : (
                  <span class="cm-shadow-bad">unlabelled: not a known difference</span>
                )}
              </dd>
            </dl>
          </section>
        ))
      )}
      {record.omitted ? (
        <p class="cm-muted">
          {record.omitted} more differences are counted in the summary but not kept here.
        </p>
      ) : null}
    </div>
  )
}

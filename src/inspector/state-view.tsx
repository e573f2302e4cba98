import { useSignal } from '@preact/signals'
import type { Profile, Snapshot } from '../registry/index.ts'
import type { InspectorStore } from './store.ts'

const STEPS: [string, number][] = [
  ['+1 s', 1_000],
  ['+30 s', 30_000],
  ['+2 min', 120_000],
  ['+10 min', 600_000],
  ['+1 h', 3_600_000],
]

/**
 * The clock and state tab: the clock (advance buttons and a field when virtual), the profile,
 * reset, seed, and snapshots to download or load.
 * @example
 * <StateView store={store} />
 */
export function StateView({ store }: { store: InspectorStore }) {
  const seconds = useSignal('120')
  const seed = useSignal('42')
  const clock = store.clock.value
  const advance = (ms: number) => store.act(() => store.client.advance(ms))
  return (
    <div class="cm-page cm-cards">
      <section class="cm-card" data-testid="clock-card">
        <h3 class="cm-heading">Clock</h3>
        <p class="cm-clock">{new Date(store.now.value).toISOString().replace('T', ' ')}</p>
        {clock?.virtual ? (
          <>
            <p class="cm-muted">Virtual: time moves only when you advance it.</p>
            <div class="cm-buttons">
              {STEPS.map(([label, ms]) => (
                <button type="button" class="cm-button" key={label} onClick={() => advance(ms)}>
                  {label}
                </button>
              ))}
            </div>
            <form
              class="cm-inline"
              onSubmit={(event) => {
                event.preventDefault()
                void advance(Math.round(Number(seconds.value) * 1000))
              }}
            >
              <label>
                <span>Seconds</span>
                <input
                  name="advance"
                  type="number"
                  min="0"
                  step="any"
                  value={seconds.value}
                  onInput={(e) => {
                    seconds.value = (e.currentTarget as HTMLInputElement).value
                  }}
                />
              </label>
              <button type="submit" class="cm-button cm-primary">
                Advance
              </button>
            </form>
          </>
        ) : (
          <p class="cm-muted">
            System clock: leases run on wall time. Start the mock with the virtual clock to move it.
          </p>
        )}
      </section>
      <section class="cm-card">
        <h3 class="cm-heading">Profile</h3>
        <p class="cm-muted">Which registry the mock imitates; stored data stays.</p>
        <div class="cm-buttons" data-testid="profile">
          {(['cse', 'servicecomb'] as Profile[]).map((profile) => (
            <button
              type="button"
              key={profile}
              aria-pressed={store.profile.value === profile}
              class={`cm-button${store.profile.value === profile ? ' cm-on' : ''}`}
              onClick={() => store.act(() => store.client.setProfile(profile))}
            >
              {profile}
            </button>
          ))}
        </div>
      </section>
      <section class="cm-card">
        <h3 class="cm-heading">Registry content</h3>
        <div class="cm-buttons">
          <button
            type="button"
            class="cm-button cm-danger"
            onClick={() => store.act(() => store.client.reset())}
          >
            Reset
          </button>
        </div>
        <p class="cm-muted">
          Back to the starting fixture or seed; faults and the log are cleared.
        </p>
        <form
          class="cm-inline"
          onSubmit={(event) => {
            event.preventDefault()
            void store.act(() => store.client.seed(Number(seed.value)))
          }}
        >
          <label>
            <span>Seed</span>
            <input
              name="seed"
              type="number"
              min="0"
              value={seed.value}
              onInput={(e) => {
                seed.value = (e.currentTarget as HTMLInputElement).value
              }}
            />
          </label>
          <button type="submit" class="cm-button">
            Seed
          </button>
        </form>
      </section>
      <section class="cm-card">
        <h3 class="cm-heading">Snapshot</h3>
        <p class="cm-muted">The whole registry as a cse-mock/snapshot@1 file.</p>
        <div class="cm-buttons">
          <button type="button" class="cm-button" onClick={() => download(store)}>
            Download snapshot
          </button>
          <label class="cm-button cm-file">
            Load snapshot…
            <input
              type="file"
              accept="application/json,.json"
              aria-label="Load snapshot"
              onChange={(event) => load(store, event.currentTarget as HTMLInputElement)}
            />
          </label>
        </div>
      </section>
    </div>
  )
}

async function download(store: InspectorStore): Promise<void> {
  const snapshot = await store.act(() => store.client.snapshot())
  if (!snapshot) return
  const blob = new Blob([`${JSON.stringify(snapshot, null, 2)}\n`], { type: 'application/json' })
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = `cse-mock-snapshot-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}

async function load(store: InspectorStore, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0]
  input.value = ''
  if (!file) return
  await store.act(async () => {
    const snapshot = JSON.parse(await file.text()) as Snapshot
    await store.client.restore(snapshot)
  })
}

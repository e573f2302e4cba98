import { render } from 'preact'
import { InspectorApp } from './app.tsx'
import { createHttpInspectorClient } from './http-client.ts'
import { createInspectorStore } from './store.ts'
import './styles.css'

// The page served at /__cse-mock/ui: the control API of the same origin, token from `?token=`.
const token = new URLSearchParams(location.search).get('token') ?? undefined
const store = createInspectorStore(createHttpInspectorClient({ token: () => token }))
const root = document.getElementById('app')
if (root) render(<InspectorApp store={store} />, root)

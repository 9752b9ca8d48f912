import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { requestPersistentStorage } from './storage/persist'
import './styles.css'

void requestPersistentStorage()

const root = document.getElementById('root')
if (!root) throw new Error('Element #root ontbreekt in index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

import type { PropsWithChildren } from 'react'
import './app.css'
import './shell'

function App({ children }: PropsWithChildren) {
  return children
}

export default App

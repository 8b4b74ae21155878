import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface BtnProps {
  id?: string
  className?: string
  disabled?: boolean
  onClick?: () => void
  children: ReactNode
}

/** The app's button; looks come from `.btn` classes in app.css. Btn.h5.tsx is the web one. */
export function Btn({ id, className = '', disabled, onClick, children }: BtnProps) {
  return (
    <Button id={id} className={`btn ${className}`} disabled={disabled} hoverClass='btn--hover' onClick={() => !disabled && onClick?.()}>
      {children}
    </Button>
  )
}

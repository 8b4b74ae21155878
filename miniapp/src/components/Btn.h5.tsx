import type { BtnProps } from './Btn'

// On the web a plain <button>: Taro's h5 Button injects its own styles after ours at run
// time (grey background, 15px margin between siblings) and would win every tie.
export function Btn({ id, className = '', disabled, onClick, children }: BtnProps) {
  return (
    <button type='button' id={id} className={`btn ${className}`} disabled={disabled} onClick={() => onClick?.()}>
      {children}
    </button>
  )
}

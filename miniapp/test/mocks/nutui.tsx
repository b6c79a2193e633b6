/** NutUI as plain DOM: enough to read what a page shows and press what it offers. */
import type { PropsWithChildren, ReactNode } from 'react'

type Any = PropsWithChildren<Record<string, any>>

export const Button = ({ children, onClick, disabled, loading, className }: Any) => (
  <button className={className} onClick={onClick} disabled={disabled} data-loading={loading ? 'true' : undefined}>
    {children}
  </button>
)
const CellImpl = ({ title, description, extra, onClick, className }: Any) => (
  <div className={className} onClick={onClick}>
    <span>{title}</span>
    {description && <span>{description}</span>}
    {extra}
  </div>
)
CellImpl.Group = ({ children, title }: Any) => (
  <section>
    {title && <h3>{title}</h3>}
    {children}
  </section>
)
export const Cell = CellImpl
const GridImpl = ({ children }: Any) => <div>{children}</div>
GridImpl.Item = ({ children, text, onClick, className }: Any) => (
  <div className={className} onClick={onClick}>
    {children}
    <span>{text}</span>
  </div>
)
export const Grid = GridImpl
export const Tag = ({ children, className }: Any) => <span className={className}>{children}</span>
export const Badge = ({ children, value }: Any) => (
  <span>
    {children}
    <sup>{value}</sup>
  </span>
)
export const Empty = ({ description }: Any) => <div data-testid='empty'>{description}</div>
export const Loading = ({ children }: Any) => <div>{children}</div>
export const Steps = ({ children, className }: Any) => <ol className={className}>{children}</ol>
export const Step = ({ title, description }: { title: ReactNode; description?: ReactNode }) => (
  <li>
    <span>{title}</span>
    {description}
  </li>
)
export const Rate = ({ value, onChange, count }: Any) => (
  <span>
    {Array.from({ length: count }, (_, i) => (
      <button key={i} aria-label={`${i + 1}星`} aria-pressed={value > i} onClick={() => onChange(i + 1)} />
    ))}
  </span>
)
export const TextArea = ({ value, onChange, placeholder, className }: Any) => (
  <textarea className={className} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
)
export const Switch = ({ checked, onChange }: Any) => <input type='checkbox' checked={checked} onChange={(e) => onChange(e.target.checked)} />
export const Popup = ({ visible, children, title }: Any) =>
  visible ? (
    <div role='dialog'>
      {title}
      {children}
    </div>
  ) : null
export const Dialog = ({ visible, title, content, confirmText = '确定', cancelText = '取消', onConfirm, onCancel }: Any) =>
  visible ? (
    <div role='dialog'>
      <h2>{title}</h2>
      <p>{content}</p>
      <button onClick={onCancel}>{cancelText}</button>
      <button onClick={onConfirm}>{confirmText}</button>
    </div>
  ) : null
export const Picker = () => null
export const Progress = ({ percent }: Any) => <progress value={percent} max={100} />
export const Table = ({ data, columns }: Any) => (
  <table>
    <tbody>
      {data.map((row: any, i: number) => (
        <tr key={i}>
          {columns.map((c: any) => (
            <td key={c.key}>{c.render ? c.render(row) : row[c.key]}</td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
)
export const InfiniteLoading = ({ children }: Any) => <div data-testid='infinite'>{children}</div>
export const PullToRefresh = ({ children }: Any) => <div>{children}</div>
export const Checkbox = ({ checked, onChange, label, className }: Any) => (
  <label className={className}>
    <input type='checkbox' checked={checked} onChange={(e) => onChange(e.target.checked)} />
    {label}
  </label>
)
export const Input = ({ value, onChange, placeholder, className, type, maxLength }: Any) => (
  <input className={className} value={value} placeholder={placeholder} aria-label={placeholder} data-type={type} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
)
export const SearchBar = ({ value, onChange, placeholder }: Any) => (
  <input role='searchbox' value={value} placeholder={placeholder} aria-label={placeholder} onChange={(e) => onChange(e.target.value)} />
)

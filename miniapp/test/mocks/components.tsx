/** @tarojs/components as plain DOM elements. */
import type { PropsWithChildren } from 'react'

type Props = PropsWithChildren<{ className?: string; onClick?: () => void; [key: string]: unknown }>

const passthrough = (p: Props) => Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('data-') || k === 'id' || k === 'aria-label'))

export const View = ({ children, className, onClick, ...rest }: Props) => (
  <div className={className} onClick={onClick} {...passthrough(rest)}>
    {children}
  </div>
)
export const Text = ({ children, className, onClick, ...rest }: Props) => (
  <span className={className} onClick={onClick} {...passthrough(rest)}>
    {children}
  </span>
)
/** What WeChat hands an open-type button's event on the next tap (a test sets it first). */
export const wechatButton: { detail: Record<string, unknown> } = { detail: {} }

/** open-type buttons: WeChat fires their own event on the tap (agreePrivacyAuthorization, getPhoneNumber, chooseAvatar). */
export const Button = ({ children, className, onClick, openType, onAgreePrivacyAuthorization, onGetPhoneNumber, onChooseAvatar, ...rest }: Props) => {
  const events: Record<string, unknown> = { agreePrivacyAuthorization: onAgreePrivacyAuthorization, getPhoneNumber: onGetPhoneNumber, chooseAvatar: onChooseAvatar }
  const wechatEvent = openType ? (events[openType as string] as ((e: unknown) => void) | undefined) : undefined
  return (
    <button className={className} data-open-type={openType as string | undefined} onClick={wechatEvent ? () => wechatEvent({ detail: wechatButton.detail }) : onClick} {...passthrough(rest)}>
      {children}
    </button>
  )
}
/** <Input>: onInput / onBlur carry { detail: { value } } as in WeChat. */
export const Input = ({ value, onInput, onBlur, className, type, placeholder, ...rest }: Props) => (
  <input
    className={className}
    value={value as string}
    data-type={type as string | undefined}
    placeholder={placeholder as string | undefined}
    onChange={(e) => (onInput as ((e: unknown) => void) | undefined)?.({ detail: { value: e.target.value } })}
    onBlur={(e) => (onBlur as ((e: unknown) => void) | undefined)?.({ detail: { value: e.target.value } })}
    {...passthrough(rest)}
  />
)
export const Image = ({ src, className }: { src: string; className?: string }) => <img src={src} className={className} alt='' />
export const Canvas = ({ id }: { id?: string }) => <canvas id={id} />

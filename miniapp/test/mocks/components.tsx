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
/** openType="agreePrivacyAuthorization": WeChat fires onAgreePrivacyAuthorization on the tap. */
export const Button = ({ children, className, onClick, openType, onAgreePrivacyAuthorization, ...rest }: Props) => (
  <button
    className={className}
    data-open-type={openType as string | undefined}
    onClick={openType === 'agreePrivacyAuthorization' ? (onAgreePrivacyAuthorization as () => void) : onClick}
    {...passthrough(rest)}
  >
    {children}
  </button>
)
export const Image = ({ src, className }: { src: string; className?: string }) => <img src={src} className={className} alt='' />
export const Canvas = ({ id }: { id?: string }) => <canvas id={id} />

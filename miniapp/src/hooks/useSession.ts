import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { LOGIN_PAGE } from '../services/config'
import { getElderMode } from '../services/preferences'
import { getSession, type Session } from '../services/session'

/** The logged-in user; a page that needs one sends a visitor to the login page instead of breaking. */
export function useSession(required = true): Session | null {
  const [session, setSession] = useState<Session | null>(getSession)
  useDidShow(() => {
    const current = getSession()
    setSession(current)
    if (required && !current) void Taro.reLaunch({ url: LOGIN_PAGE })
  })
  return session
}

/** 适老化 as set in 我的; read again whenever a page shows. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [elder, setElder] = useState(getElderMode)
  useDidShow(() => setElder(getElderMode()))
  return [elder, setElder]
}

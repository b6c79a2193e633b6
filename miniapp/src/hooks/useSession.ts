import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { LOGIN_PAGE } from '../services/config'
import { getElderMode, onElderModeChange, setElderMode } from '../services/preferences'
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

/** 适老化 as set in 我的: every page follows it. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [elder, setElder] = useState(getElderMode)
  useEffect(() => onElderModeChange(setElder), [])
  useDidShow(() => setElder(getElderMode()))
  return [elder, setElderMode]
}

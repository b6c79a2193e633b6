import { afterEach, beforeEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { resetTaro } from './mocks/taro'

beforeEach(() => resetTaro())
afterEach(() => cleanup())

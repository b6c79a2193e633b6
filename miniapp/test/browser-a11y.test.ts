/** The H5 build's part of accessibility (services/a11y.ts): roles a browser understands, keys that press, elder mode on <html>. */
import { describe, expect, it, vi } from 'vitest'
import { installBrowserAccessibility } from '../src/services/a11y'
import { setElderMode } from '../src/services/preferences'

installBrowserAccessibility()
const settle = () => new Promise((r) => setTimeout(r, 0))

describe('H5 accessibility', () => {
  it('turns Taro\'s aria-role into role, on what is added later and on what changes', async () => {
    const chip = document.createElement('div')
    chip.setAttribute('aria-role', 'radio')
    document.body.appendChild(chip)
    await settle()
    expect(chip.getAttribute('role')).toBe('radio')
    expect(chip.hasAttribute('aria-role')).toBe(false)
    chip.setAttribute('aria-role', 'button')
    await settle()
    expect(chip.getAttribute('role')).toBe('button')
  })

  it('Enter and Space press an element with a button role; other keys and plain elements are left alone', async () => {
    const entry = document.createElement('div')
    entry.setAttribute('role', 'button')
    const plain = document.createElement('div')
    const onEntry = vi.fn()
    const onPlain = vi.fn()
    entry.addEventListener('click', onEntry)
    plain.addEventListener('click', onPlain)
    document.body.append(entry, plain)
    entry.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    entry.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    entry.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
    plain.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(onEntry).toHaveBeenCalledTimes(2)
    expect(onPlain).not.toHaveBeenCalled()
  })

  it('makes Taro\'s page scroller focusable, so a keyboard can scroll it', async () => {
    const scroller = document.createElement('div')
    scroller.className = 'taro_page'
    document.body.appendChild(scroller)
    await settle()
    expect(scroller.getAttribute('tabindex')).toBe('0')
  })

  it('puts elder mode on <html> too, for the tab bar outside the page', () => {
    setElderMode(true)
    expect(document.documentElement.classList.contains('elder')).toBe(true)
    setElderMode(false)
    expect(document.documentElement.classList.contains('elder')).toBe(false)
  })
})

// Draws the tab bar's icons (PNG, as WeChat requires; 81 × 81 px, a grey one and a selected blue one each) from the
// SVG below, with the same Chromium the browser tests use. Run after changing an icon:
//   node miniapp/scripts/tab-icons.mjs
// The PNGs are committed (src/assets/tabbar/), so builds do not need Chromium.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const OUT = fileURLToPath(new URL('../src/assets/tabbar/', import.meta.url))
const COLORS = { '': '#4a4f57', '-active': '#1a66d6' } // app.config.ts tabBar color / selectedColor

// 24 × 24 line drawings: 首页 a house, 报事 a camera (随手拍), 议事 two speech bubbles (neighbours talking it over), 我的 a person.
const ICONS = {
  home: '<path d="M3 11 12 3l9 8"/><path d="M5 9.5V21h5v-6h4v6h5V9.5"/>',
  report: '<path d="M3 8h4l2-3h6l2 3h4v12H3z"/><circle cx="12" cy="13.5" r="4"/>',
  deliberation: '<path d="M3 5h11v8H8l-3 3v-3H3z"/><path d="M17 9h4v8h-2v3l-3-3h-5v-2"/>',
  mine: '<circle cx="12" cy="8" r="4.5"/><path d="M3.5 21c.8-4.5 4.3-7 8.5-7s7.7 2.5 8.5 7"/>',
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="81" height="81" fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
    writeFileSync(`${OUT}${name}${suffix}.png`, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } }))
  }
}
await browser.close()

// Reads the WeChat build (dist/weapp): its app.json, its pages, and how big each package is.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const WEAPP_DIR = fileURLToPath(new URL('../dist/weapp/', import.meta.url))
/** WeChat refuses a main package over 2 MB; we keep a margin. */
export const MAIN_BUDGET_BYTES = 1.5 * 1024 * 1024
/** WeChat's limit for one subpackage. */
export const SUBPACKAGE_BUDGET_BYTES = 2 * 1024 * 1024

export function readAppJson(dir = WEAPP_DIR) {
  const file = join(dir, 'app.json')
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build:weapp -w miniapp" first`)
  return JSON.parse(readFileSync(file, 'utf8'))
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) yield* walk(full)
    else yield full
  }
}

/** Bytes per package: "main" and each subpackage root. project.config.json is tooling, not code. */
export function packageSizes(dir = WEAPP_DIR, app = readAppJson(dir)) {
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const sizes = Object.fromEntries([['main', 0], ...roots.map((r) => [r, 0])])
  for (const file of walk(dir)) {
    const rel = relative(dir, file).split(sep).join('/')
    if (rel === 'project.config.json' || rel === 'project.private.config.json') continue
    const root = roots.find((r) => rel.startsWith(`${r}/`))
    sizes[root ?? 'main'] += statSync(file).size
  }
  return sizes
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`
}

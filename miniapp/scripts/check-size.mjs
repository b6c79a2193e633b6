// Fails when the WeChat main package is over budget (1.5 MB; WeChat refuses 2 MB) or a subpackage over 2 MB.
import { kb, MAIN_BUDGET_BYTES, packageSizes, SUBPACKAGE_BUDGET_BYTES } from './weapp-package.mjs'

const sizes = packageSizes()
let over = false
for (const [name, bytes] of Object.entries(sizes)) {
  const budget = name === 'main' ? MAIN_BUDGET_BYTES : SUBPACKAGE_BUDGET_BYTES
  const ok = bytes <= budget
  over ||= !ok
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(10)} ${kb(bytes).padStart(10)}  (budget ${kb(budget)})`)
}
const total = Object.values(sizes).reduce((a, b) => a + b, 0)
console.log(`     total      ${kb(total).padStart(10)}`)
if (over) {
  console.error('The WeChat package is over budget: move role pages or heavy modules into a subpackage.')
  process.exit(1)
}

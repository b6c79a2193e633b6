// WeChat reads aria-role / aria-label / aria-checked / aria-hidden on view, text and image (its 无障碍 support),
// but Taro's templates drop attributes they do not list. This plugin lists them (aria-components.json) in the
// templates and, through aria-runtime.js, in the runtime, as @tarojs/plugin-inject would (not published for 4.2.1).
const path = require('node:path')
const components = require('./aria-components.json')

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template) return // the H5 build writes aria-* attributes itself
      platform.template.mergeComponents(ctx, components)
      const runtime = path.join(__dirname, 'aria-runtime.js')
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime]
    },
  })
}

import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

/** NutUI's CSS without its two embedded digit fonts (config/drop-nutui-fonts-loader.js), in both builds. */
function dropNutuiFonts(chain: { module: { rule(name: string): any } }) {
  chain.module
    .rule('drop-nutui-fonts')
    .test(/@nutui[\\/]nutui-react-taro[\\/].*\.css$/)
    .enforce('pre')
    .use('drop-nutui-fonts')
    .loader(path.resolve(__dirname, 'drop-nutui-fonts-loader.js'))
}

// https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-23',
    // NutUI React is drawn at 375 wide; our own styles use the same unit so 44px is 44 CSS px on a phone.
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // weapp and h5 builds live side by side: one does not wipe the other. The H5 test build (--mode test,
    // .env.test: WeChat codes in the fake's format) goes to dist/h5-test, never where the release H5 is served from.
    outputRoot: `dist/${process.env.TARO_ENV}${process.env.TARO_APP_WECHAT_TEST_MODE === 'true' ? '-test' : ''}`,
    plugins: [path.resolve(__dirname, 'aria-plugin.js')],
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: {
      patterns: [],
      options: {}
    },
    framework: 'preact',
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      webpackChain(chain) {
        dropNutuiFonts(chain)
      },
      // NutUI styles are imported per component: their order across pages does not matter.
      miniCssExtractPluginOption: {
        ignoreOrder: true,
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // The server serves the build as static files: hash routes need no rewrite on its side.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      // LINLI_H5_STATS=/tmp/h5-stats.json: webpack's stats (every module with its size and chunks), to see
      // what the entry bundle carries (docs/performance.md, "H5 first screen").
      webpackChain(chain) {
        dropNutuiFonts(chain)
        const statsFile = process.env.LINLI_H5_STATS
        if (!statsFile) return
        chain.plugin('linli-stats').use(class {
          apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: { toJson(o: object): unknown }) => void): void } } }) {
            compiler.hooks.done.tap('linli-stats', (stats) => {
              require('node:fs').writeFileSync(statsFile, JSON.stringify(stats.toJson({ all: false, modules: true, nestedModules: true, chunks: true, chunkModules: false, ids: true, assets: true })))
            })
          }
        })
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

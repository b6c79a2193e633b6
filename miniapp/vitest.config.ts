import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const mock = (name: string) => fileURLToPath(new URL(`./test/mocks/${name}`, import.meta.url))

// Taro and NutUI are replaced by small stand-ins: the tests run our logic in jsdom, not the mini-program runtime.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: {
      '@tarojs/taro': mock('taro.ts'),
      '@tarojs/components': mock('components.tsx'),
      '@nutui/nutui-react-taro': mock('nutui.tsx'),
      '@antv/f2': mock('f2.ts'),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    css: false,
  },
})

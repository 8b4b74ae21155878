import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

import devConfig from './dev'
import prodConfig from './prod'

const isH5 = process.env.TARO_ENV === 'h5'
const isWatch = process.argv.includes('--watch')

// The mini-program calls the gateway by absolute URL (set WUYE_API_URL at build time);
// the web portal is served by the gateway itself and calls `/graphql` on the same origin.
const apiUrl = process.env.WUYE_API_URL || 'http://127.0.0.1:4000/graphql'

// npm workspaces may leave a package in miniapp/node_modules (e.g. plugin-framework-react,
// whose optional peers conflict at the root) while its importers (taro-h5) are hoisted to the
// root: let webpack fall back to this folder.
function resolveFromHere(chain: { resolve: { modules: { add: (p: string) => unknown } } }) {
  chain.resolve.modules.add('node_modules')
  chain.resolve.modules.add(path.resolve(__dirname, '..', 'node_modules'))
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wuye-miniapp',
    date: '2025-11-22',
    // 375 design: 1px in our CSS = 2rpx in the mini-program; the web keeps plain px.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp → miniapp/dist/weapp (open this folder in WeChat DevTools); h5 → portal/dist.
    // `dev:h5` serves from memory but still empties its output folder: keep it off portal/dist.
    outputRoot: isH5 && !isWatch ? '../portal/dist' : `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      WUYE_API_URL: JSON.stringify(apiUrl),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: {
      // web-only shell files (favicon, robots.txt) live in portal/public
      patterns: isH5 ? [{ from: '../portal/public/', to: '../portal/dist/' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      webpackChain: resolveFromHere,
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Plain React DOM components (<input>, <button>) instead of the Stencil web components:
      // lighter, and browser tests can target ids on the real elements.
      useHtmlComponents: true,
      webpackChain(chain) {
        resolveFromHere(chain)
        // Taro splits only initial chunks, so every lazily loaded page would carry its own
        // copy of urql and graphql-ws; share what two pages use.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // px stays px on the web so a desktop browser shows normal sizes in a max-width column
        pxtransform: { enable: false, config: {} },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

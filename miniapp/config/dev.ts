import type { UserConfigExport } from '@tarojs/cli'

const gateway = process.env.WUYE_GATEWAY_URL || 'http://127.0.0.1:4000'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm run dev:h5` serves the portal from webpack-dev-server: send the API (and its
    // websocket) to a running gateway so the relative `/graphql` keeps working.
    devServer: {
      // `/dev/wechatpay`: the demo gateway's fake WeChat Pay, for the web pay flow
      proxy: { '/graphql': { target: gateway, ws: true, changeOrigin: true }, '/dev': { target: gateway, changeOrigin: true } },
      historyApiFallback: true,
    },
  },
} satisfies UserConfigExport<'webpack5'>

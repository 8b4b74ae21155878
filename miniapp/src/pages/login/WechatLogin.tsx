import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoginWithWechatMutation, signIn, useAction } from '../../graphql'
import { t } from '../../i18n'

/** 微信一键登录: wx.login's code (valid 5 minutes) goes to the gateway, which asks WeChat. */
export function WechatLogin() {
  const { run, busy, error } = useAction(async () => {
    const { code } = await Taro.login()
    await signIn(LoginWithWechatMutation, 'loginWithWechat', { code })
  })
  return (
    <View className='login-form' id='form-wechat'>
      <ErrorBanner error={error} id='login-error' />
      <Btn id='login-wechat' className='btn--block btn--wechat' disabled={busy} onClick={() => run()}>
        {busy ? t('login.submitting') : t('login.wechat')}
      </Btn>
      <Text className='muted login-hint'>{t('login.wechatHint')}</Text>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Page } from '../../components/Page'
import { Tabs, type TabItem } from '../../components/Tabs'
import { t } from '../../i18n'
import { PasswordForm } from './PasswordForm'
import { SmsForm } from './SmsForm'
import { WechatLogin } from './WechatLogin'
import './index.css'

type Method = 'wechat' | 'password' | 'sms'

// The mini-program signs in with WeChat (password as a fallback for staff); the web portal
// offers an SMS code or a password.
const IS_WEAPP = process.env.TARO_ENV === 'weapp'

const TABS: TabItem<Method>[] = IS_WEAPP
  ? [
      { key: 'wechat', label: t('login.wechat'), id: 'tab-wechat' },
      { key: 'password', label: t('login.tabPassword'), id: 'tab-password' },
    ]
  : [
      { key: 'password', label: t('login.tabPassword'), id: 'tab-password' },
      { key: 'sms', label: t('login.tabSms'), id: 'tab-sms' },
    ]

export default function LoginPage() {
  const [method, setMethod] = useState<Method>(TABS[0].key)
  return (
    <Page className='login-page'>
      <View className='login-hero'>
        <View className='login-hero__logo'>🏠</View>
        <Text className='login-hero__title'>{t('login.welcome')}</Text>
        <Text className='login-hero__subtitle'>{t('login.subtitle')}</Text>
      </View>
      <View className='card login-card'>
        <Tabs items={TABS} active={method} onChange={setMethod} />
        {method === 'wechat' ? <WechatLogin /> : null}
        {method === 'password' ? <PasswordForm /> : null}
        {method === 'sms' ? <SmsForm /> : null}
      </View>
    </Page>
  )
}

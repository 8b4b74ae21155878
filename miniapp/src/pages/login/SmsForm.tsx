import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Btn } from '../../components/Btn'
import { Field } from '../../components/Field'
import { ErrorBanner } from '../../components/ErrorBanner'
import {
  LoginWithSmsCodeMutation, RequestSmsCodeMutation, bannerError, fieldError, isAppError, mutate, signIn, useAction,
} from '../../graphql'
import type { SmsCodeData } from '../../graphql/types'
import { useCountdown } from '../../hooks/useCountdown'
import { t } from '../../i18n'
import { PHONE, check, phoneMessage, required, requiredMessage } from '../../utils/validate'

const RESEND_SECONDS = 60

/** 手机号 + 短信验证码 (the web portal's owner sign-in). */
export function SmsForm() {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const countdown = useCountdown()

  const send = useAction(async () => {
    const invalid = check([['phone', PHONE.test(phone.trim()), phoneMessage()]])
    if (invalid) throw invalid
    try {
      const data = await mutate<SmsCodeData>(RequestSmsCodeMutation, { phone: phone.trim() }, { anonymous: true })
      countdown.start(data.requestSmsCode.retryAfterSeconds || RESEND_SECONDS)
    } catch (e) {
      // too many codes: the gateway says when the next one may be sent
      if (isAppError(e) && e.retryAfterSeconds) countdown.start(e.retryAfterSeconds)
      throw e
    }
    Taro.showToast({ title: t('login.smsSent'), icon: 'none' })
  })

  const login = useAction(async () => {
    const invalid = check([
      ['phone', PHONE.test(phone.trim()), phoneMessage()],
      ['code', required(code), requiredMessage()],
    ])
    if (invalid) throw invalid
    await signIn(LoginWithSmsCodeMutation, 'loginWithSmsCode', { phone: phone.trim(), code: code.trim() })
  })

  const error = login.error ?? send.error
  const sendButton = (
    <Btn
      id='sms-send'
      className='btn--ghost btn--small sms-send'
      disabled={send.busy || countdown.left > 0}
      onClick={() => send.run()}
    >
      {countdown.left > 0 ? t('login.smsResend', { seconds: countdown.left }) : t('login.smsSend')}
    </Btn>
  )

  return (
    <View className='login-form' id='form-sms'>
      <ErrorBanner error={bannerError(error, ['phone', 'code'])} id='login-error' />
      <Field
        id='sms-phone'
        label={t('login.phone')}
        placeholder={t('login.phonePlaceholder')}
        type='number'
        maxlength={11}
        value={phone}
        onChange={setPhone}
        error={fieldError(error, 'phone')}
      />
      <Field
        id='sms-code'
        label={t('login.smsCode')}
        placeholder={t('login.smsCodePlaceholder')}
        type='number'
        maxlength={6}
        value={code}
        onChange={setCode}
        error={fieldError(error, 'code')}
        onConfirm={() => login.run()}
        addon={sendButton}
      />
      <Btn id='sms-submit' className='btn--block' disabled={login.busy} onClick={() => login.run()}>
        {login.busy ? t('login.submitting') : t('login.submit')}
      </Btn>
    </View>
  )
}

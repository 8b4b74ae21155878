import { View } from '@tarojs/components'
import { useState } from 'react'
import { Btn } from '../../components/Btn'
import { Field } from '../../components/Field'
import { ErrorBanner } from '../../components/ErrorBanner'
import { LoginWithPasswordMutation, bannerError, fieldError, signIn, useAction } from '../../graphql'
import { t } from '../../i18n'
import { check, required, requiredMessage } from '../../utils/validate'

/** 账号 (staff account name or phone) + 密码. */
export function PasswordForm() {
  const [account, setAccount] = useState('')
  const [password, setPassword] = useState('')
  const { run, busy, error } = useAction(async () => {
    const invalid = check([
      ['account', required(account), requiredMessage()],
      ['password', required(password), requiredMessage()],
    ])
    if (invalid) throw invalid
    await signIn(LoginWithPasswordMutation, 'loginWithPassword', { account: account.trim(), password })
  })

  return (
    <View className='login-form' id='form-password'>
      <ErrorBanner error={bannerError(error, ['account', 'password'])} id='login-error' />
      <Field
        id='login-account'
        label={t('login.account')}
        placeholder={t('login.accountPlaceholder')}
        value={account}
        onChange={setAccount}
        error={fieldError(error, 'account')}
      />
      <Field
        id='login-password'
        label={t('login.password')}
        placeholder={t('login.passwordPlaceholder')}
        password
        value={password}
        onChange={setPassword}
        error={fieldError(error, 'password')}
        onConfirm={() => run()}
      />
      <Btn id='login-submit' className='btn--block' disabled={busy} onClick={() => run()}>
        {busy ? t('login.submitting') : t('login.submit')}
      </Btn>
    </View>
  )
}

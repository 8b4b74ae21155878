import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect } from 'react'
import { Btn } from '../../components/Btn'
import { EntryGrid } from '../../components/EntryGrid'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Loading } from '../../components/Loading'
import { Page } from '../../components/Page'
import { MeQuery, isSignedIn, signOut, useAction, useQuery } from '../../graphql'
import type { MeData } from '../../graphql/types'
import { t } from '../../i18n'
import { ROUTES } from '../../routes'
import { isResident, roleNames, sectionsFor } from './sections'
import { useUnreadMessages } from './useUnreadMessages'
import './index.css'

function HomeContent() {
  const { data, error, loading, refetch } = useQuery<MeData>(MeQuery)
  const logout = useAction(signOut)
  const resident = data ? isResident(data.me) : false
  const unread = useUnreadMessages(resident)

  usePullDownRefresh(() => {
    const done = resident ? Promise.all([refetch(), unread.reload()]) : refetch()
    done.finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) return error ? <ErrorBanner error={error} /> : <Loading />
  const viewer = data.me
  const sections = sectionsFor(viewer, { unreadMessages: unread.badge })
  const roles = roleNames(viewer)

  return (
    <View>
      <View className='home-hero'>
        <Text className='home-hero__greeting' id='home-greeting'>
          {t('home.greeting', { name: viewer.displayName })}
        </Text>
        {roles ? <Text className='home-hero__roles'>{t('home.roles', { roles })}</Text> : null}
      </View>
      <ErrorBanner error={error} />
      {sections.length === 0 && !loading ? (
        <View className='card muted' id='home-no-role'>{t('home.noRole')}</View>
      ) : null}
      {sections.map((section) => (
        <View key={section.key} className='card home-section' id={`section-${section.key}`}>
          <View className='home-section__head'>
            <Text className='card__title'>{section.title}</Text>
            {section.subtitle ? <Text className='muted'>{section.subtitle}</Text> : null}
          </View>
          <EntryGrid entries={section.entries} />
        </View>
      ))}
      <Btn id='logout' className='btn--block btn--plain home-logout' disabled={logout.busy} onClick={() => logout.run()}>
        {t('home.logout')}
      </Btn>
    </View>
  )
}

export default function HomePage() {
  const signedIn = isSignedIn()
  useEffect(() => {
    if (!signedIn) Taro.reLaunch({ url: ROUTES.login })
  }, [signedIn])
  return <Page className='home-page'>{signedIn ? <HomeContent /> : <Loading />}</Page>
}

import { useRouter } from '@tarojs/taro'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { Page } from '../../../../components/Page'
import { ReceiptQuery, useQuery } from '../../../../graphql'
import type { ReceiptData } from '../../../../graphql/billing-types'
import { ReceiptCard } from '../../components/ReceiptCard'
import '../../billing.css'

/** 收据 `?id=<payment>&roomId=<room>`: for the owner after paying or from 缴费记录, and for the cashier. */
export default function ReceiptPage() {
  const { params } = useRouter()
  const { data, error } = useQuery<ReceiptData>(ReceiptQuery, { id: params.id ?? '', roomId: params.roomId ?? '' })
  return (
    <Page className='receipt-page'>
      {data ? <ReceiptCard payment={data.payment} room={data.room} /> : error ? <ErrorBanner error={error} id='receipt-error' /> : <Loading />}
    </Page>
  )
}

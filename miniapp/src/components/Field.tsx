import { Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface FieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
  password?: boolean
  maxlength?: number
  error?: string
  onConfirm?: () => void
  /** something beside the input, e.g. the send-code button */
  addon?: ReactNode
}

/** A labelled input with the server's (or our own) message for this field underneath. */
export function Field(props: FieldProps) {
  const { id, label, value, onChange, placeholder, type = 'text', password, maxlength, error, onConfirm, addon } = props
  return (
    <View className={`field ${error ? 'field--error' : ''}`}>
      <Text className='field__label'>{label}</Text>
      <View className='field__row'>
        <Input
          id={id}
          className='field__input'
          type={type}
          password={password}
          value={value}
          maxlength={maxlength ?? 140}
          placeholder={placeholder}
          placeholderClass='field__placeholder'
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={onConfirm}
        />
        {addon}
      </View>
      {error ? <Text className='field__error' id={`${id}-error`}>{error}</Text> : null}
    </View>
  )
}

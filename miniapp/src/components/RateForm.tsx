import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Rate, TextArea } from '@nutui/nutui-react-taro'
import { TEXT_LIMITS, RATING_LABELS, type Rating } from '@linli/shared'
import { asChoice, asChoiceGroup } from '../utils/a11y'
import './RateForm.scss'

/** Three stars, three words: 3 满意, 2 基本满意, 1 不满意. */
export const RATING_BY_STARS: Record<number, Rating> = { 3: 'satisfied', 2: 'basically_satisfied', 1: 'unsatisfied' }

interface Props {
  title: string
  /** Said when 不满意 is chosen (for a matter: it is reopened). */
  unsatisfiedHint?: string
  placeholder: string
  onRate: (rating: Rating, comment: string) => Promise<unknown>
}

/** The one rating, for matters (报事), services (预约) and 议事 results alike: stars and the three labelled chips, an optional comment. */
export function RateForm({ title, unsatisfiedHint, placeholder, onRate }: Props) {
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const rating = RATING_BY_STARS[stars]
  const submit = async () => {
    if (!rating || busy) return
    setBusy(true)
    try {
      await onRate(rating, comment.trim())
    } catch {
      // the request module showed why; the form keeps what was chosen
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card rate-form'>
      <Text className='card__title'>{title}</Text>
      <View className='rate-form__stars'>
        <Rate count={3} value={stars} onChange={setStars} />
        <Text className={`rate-form__label${rating === 'unsatisfied' ? ' text-danger' : ''}`}>{rating ? RATING_LABELS[rating] : '点星星评价'}</Text>
      </View>
      <View className='rate-form__choices' {...asChoiceGroup('评价')}>
        {[3, 2, 1].map((n) => (
          <View key={n} className={`chip${stars === n ? ' chip--active' : ''}`} onClick={() => setStars(n)} data-rating={RATING_BY_STARS[n]} {...asChoice(stars === n)}>
            <Text>{RATING_LABELS[RATING_BY_STARS[n]]}</Text>
          </View>
        ))}
      </View>
      {rating === 'unsatisfied' && unsatisfiedHint && <Text className='hint text-danger'>{unsatisfiedHint}</Text>}
      <TextArea value={comment} onChange={setComment} maxLength={TEXT_LIMITS.ratingCommentMax} showCount rows={3} placeholder={placeholder} />
      <View className='actions'>
        <Button className='rate-form__submit' type='primary' size='large' block disabled={!rating || busy} loading={busy} onClick={submit}>
          提交评价
        </Button>
      </View>
    </View>
  )
}

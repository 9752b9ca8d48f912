import { renderToStaticMarkup } from 'react-dom/server'
import { FormProvider, useForm } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { FREE_TEXT_KEYS, STRUCTURED_TEXT_KEYS } from '../../shared/domain/free-text'
import { FreeTextField, TextField } from './form-fields'

const MEDICAL = 'Gesprek met de neuroloog over de hernia'

function Harness(props: { readonly name: string; readonly free?: boolean }) {
  // `a.b` → { a: { b: MEDICAL } }, as react-hook-form holds a nested field.
  const defaultValues = props.name
    .split('.')
    .reduceRight<unknown>((inner, key) => ({ [key]: inner }), MEDICAL) as Record<string, unknown>
  const form = useForm({ defaultValues })
  return (
    <FormProvider {...form}>
      {props.free ? (
        <FreeTextField name={props.name} label="Veld" />
      ) : (
        <TextField name={props.name} label="Veld" />
      )}
    </FormProvider>
  )
}

const render = (name: string, free = false) =>
  renderToStaticMarkup(<Harness name={name} free={free} />)

describe('form controls warn on medical language in free text', () => {
  it('a single-line field warns when its key is free text, wherever it is nested', () => {
    for (const key of Object.keys(FREE_TEXT_KEYS)) {
      for (const name of [key, `nested.${key}`]) {
        const html = render(name)
        expect([name, html]).toEqual([name, expect.stringContaining('field__warning')])
        expect(html).toContain('neuroloog')
      }
    }
  })

  it('a name or address field does not (no false alarm on a surname like Pijnacker)', () => {
    for (const key of Object.keys(STRUCTURED_TEXT_KEYS))
      expect([key, render(key)]).toEqual([key, expect.not.stringContaining('field__warning')])
  })

  it('a multi-line free-text field always shows the hint and warns', () => {
    const html = render('anything', true)
    expect(html).toContain('Geen medische informatie')
    expect(html).toContain('field__warning')
  })
})

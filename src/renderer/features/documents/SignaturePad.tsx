import { forwardRef, useImperativeHandle, useRef, useState } from 'react'

export type SignaturePadHandle = {
  /** The drawing as PNG bytes; undefined while nothing has been drawn. */
  toPng(): Promise<Uint8Array | undefined>
  clear(): void
}

const WIDTH = 480
const HEIGHT = 160

/**
 * A signature drawn on screen with mouse, pen or finger (pointer events), offline. The canvas
 * keeps a transparent background so the PNG sits cleanly in the PDF's signature box.
 */
export const SignaturePad = forwardRef<
  SignaturePadHandle,
  {
    readonly label: string
    /** Called when ink is put on the pad (e.g. to clear an earlier "sign first" error). */
    readonly onInk?: () => void
  }
>(function SignaturePad(props, ref) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const last = useRef<{ x: number; y: number } | null>(null)
  const [inked, setInked] = useState(false)

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect()
    return {
      x: ((e.clientX - rect.left) / rect.width) * WIDTH,
      y: ((e.clientY - rect.top) / rect.height) * HEIGHT,
    }
  }
  const line = (from: { x: number; y: number }, to: { x: number; y: number }, pressure: number) => {
    const ctx = canvas.current?.getContext('2d')
    if (!ctx) return
    ctx.strokeStyle = '#1a2b4c'
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    // A pen reports pressure; a mouse reports 0.5 while pressed.
    ctx.lineWidth = 1.4 + 2.2 * (pressure || 0.5)
    ctx.beginPath()
    ctx.moveTo(from.x, from.y)
    ctx.lineTo(to.x, to.y)
    ctx.stroke()
  }

  useImperativeHandle(ref, () => ({
    toPng: () =>
      new Promise((resolve) => {
        if (!inked || !canvas.current) return resolve(undefined)
        canvas.current.toBlob((blob) => {
          if (!blob) return resolve(undefined)
          void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)))
        }, 'image/png')
      }),
    clear: () => {
      canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT)
      setInked(false)
    },
  }))

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad__canvas"
        role="img"
        aria-label={props.label}
        data-inked={inked ? 'ja' : 'nee'}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId)
          last.current = point(e)
          // A tap leaves a dot.
          line(last.current, { x: last.current.x + 0.1, y: last.current.y + 0.1 }, e.pressure)
          setInked(true)
          props.onInk?.()
        }}
        onPointerMove={(e) => {
          if (!last.current) return
          const p = point(e)
          line(last.current, p, e.pressure)
          last.current = p
        }}
        onPointerUp={() => (last.current = null)}
        onPointerCancel={() => (last.current = null)}
      />
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT)
          setInked(false)
        }}
      >
        Wissen
      </button>
    </div>
  )
})

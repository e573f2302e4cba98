import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'

/** Rows drawn above and below the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 8

/**
 * A list that renders only the rows in view (plus a few), all of one height: ten thousand
 * instances cost as much to draw as the forty on screen.
 * @example
 * <VirtualList count={rows.length} rowHeight={30} row={(i) => <Row row={rows[i]!} />} />
 */
export function VirtualList(props: {
  count: number
  rowHeight: number
  row: (index: number) => ComponentChildren
  /** A stable key per row, so rows that stay in view keep their elements while scrolling. */
  keyOf?: (index: number) => string | number
  label: string
  testId?: string
}) {
  const { count, rowHeight } = props
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN)
  const rows: ComponentChildren[] = []
  for (let index = first; index < last; index++) {
    rows.push(
      <div
        key={props.keyOf ? props.keyOf(index) : index}
        class="cm-vrow"
        style={{ transform: `translateY(${index * rowHeight}px)`, height: `${rowHeight}px` }}
      >
        {props.row(index)}
      </div>,
    )
  }
  return (
    <div
      ref={scroller}
      class="cm-vlist"
      data-label={props.label}
      data-testid={props.testId}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div class="cm-vspace" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  )
}

/** A markdown table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = header.map((_, i) => (i === 0 ? '---' : '---:'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}

/** A whole number with thousands separators. */
export function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

/** Microseconds with as many decimals as their size deserves. */
export function micros(value: number): string {
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : integer(value)
}

/** `0.42` as `42 %`. */
export function percent(value: number): string {
  return `${Math.round(value * 100)} %`
}

/** `1.5` as `1.50 ×`. */
export function ratio(value: number): string {
  return `${value.toFixed(2)} ×`
}

/** Bytes as whole megabytes (MiB); `n/a` when unknown. */
export function megabytes(bytes: number | undefined): string {
  return bytes === undefined || Number.isNaN(bytes) ? 'n/a' : `${Math.round(bytes / 1024 ** 2)} MB`
}

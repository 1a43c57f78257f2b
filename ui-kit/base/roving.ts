/**
 * The index a roving-focus group moves to for a key (arrows wrap, Home/End jump), skipping
 * disabled items; `undefined` for other keys or when every item is disabled.
 */
export function rovingIndex(key: string, current: number, disabled: boolean[], rtl = false): number | undefined {
  const count = disabled.length;
  const [from, step] =
    key === 'Home'
      ? [-1, 1]
      : key === 'End'
        ? [count, -1]
        : key === 'ArrowDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight')
          ? [current, 1]
          : key === 'ArrowUp' || key === (rtl ? 'ArrowRight' : 'ArrowLeft')
            ? [current, -1]
            : [0, 0];
  for (let i = 1; step && i <= count; i++) {
    const next = (((from + step * i) % count) + count) % count;
    if (!disabled[next]) return next;
  }
  return undefined;
}

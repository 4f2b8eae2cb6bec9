// The smallest single replacement that turns one text into another (common start and end kept).
// The code pane applies canvas and inspector edits this way instead of replacing the whole
// document: CodeMirror then re-renders only the changed lines, and the cursor and scroll position
// outside the change stay where they were.

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

const BLOCK = 512;

export function changeBetween(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const limit = Math.min(before.length, after.length);
  // Whole blocks first: the engine compares substrings natively, which is fast even before its
  // JIT has compiled the character loops below (the first edits after opening a big file).
  let start = 0;
  while (start + BLOCK <= limit && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end + BLOCK <= limit - start &&
    before.slice(before.length - end - BLOCK, before.length - end) === after.slice(after.length - end - BLOCK, after.length - end)
  )
    end += BLOCK;
  while (
    end < limit - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  // Never split a surrogate pair: CodeMirror positions count UTF-16 units, but a half pair is
  // not text anyone typed.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The one place where text offsets are converted. The core works in UTF-16 code-unit
 * offsets (JavaScript string indices); editors speak line/character in UTF-16 units
 * (LSP's default encoding), and W3C Web Annotation position selectors count code points.
 */

/** A zero-based line and UTF-16 character, as LSP positions are. */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

/**
 * Line starts of a text, for offset ↔ line/character conversion in O(log lines).
 * A line ends at `\n`, `\r\n` or a lone `\r`, as LSP defines.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /**
   * The line and UTF-16 character of an offset (clamped to the text). An offset between the
   * `\r` and `\n` of a line break counts as before it, so `character` never passes the line's end.
   */
  positionAt(offset: number): LineCharacter {
    let o = Math.max(0, Math.min(offset, this.text.length));
    if (o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10) o--;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  /** The offset of a line/character, clamped to the line's content as LSP requires. */
  offsetAt(position: LineCharacter): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** Number of code points in `text` before the UTF-16 offset `offset`. */
export function utf16ToCodePoints(text: string, offset: number): number {
  const end = Math.max(0, Math.min(offset, text.length));
  let count = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The UTF-16 offset of the code point at index `codePoints` (clamped to the text). */
export function codePointsToUtf16(text: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else {
      i++;
    }
  }
  return i;
}

/** The offset of each line's first character. */
function lineStarts(text: string): number[] {
  const starts = [0];
  // Most texts end lines with \n alone: the native search is several times faster than a loop.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

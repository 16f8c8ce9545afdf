/**
 * A small Markdown reader for document bodies: headings, paragraphs, emphasis, inline code, links, lists,
 * block quotes, fenced code, rules and pipe tables. It returns a tree, never HTML: the renderer turns the tree
 * into React elements, so text in a document can never become markup (no raw HTML, no script URLs).
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { type: "quote"; blocks: Block[] }
  | { type: "code"; text: string }
  | { type: "rule" }
  | { type: "table"; header: Inline[][]; rows: Inline[][][] };

/** Only these link targets become links; anything else (javascript:, data: …) stays plain text. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return h;
  if (/^[/#]/.test(h) && !h.startsWith("//")) return h;
  return null;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

const splitRow = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, "|"));

export function parseMarkdown(text: string): Block[] {
  return parseBlocks(text.replace(/\r\n?/g, "\n").split("\n"));
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  const isBlank = (l: string | undefined) => l === undefined || l.trim() === "";
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++; // the closing fence (or the end)
      blocks.push({ type: "code", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        type: "heading",
        level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6,
        children: parseInline(heading[2]!),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i]!))
        inner.push(lines[i++]!.replace(/^\s{0,3}>\s?/, ""));
      blocks.push({ type: "quote", blocks: parseBlocks(inner) });
      continue;
    }
    if (
      line.includes("|") &&
      i + 1 < lines.length &&
      TABLE_SEPARATOR.test(lines[i + 1]!) &&
      lines[i + 1]!.includes("-")
    ) {
      const header = splitRow(line).map(parseInline);
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && !isBlank(lines[i]) && lines[i]!.includes("|"))
        rows.push(splitRow(lines[i++]!).map(parseInline));
      blocks.push({ type: "table", header, rows });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const pattern = bullet ? BULLET : ORDERED;
      const items: string[] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        const m = pattern.exec(l);
        if (m) {
          items.push(bullet ? m[1]! : m[2]!);
          i++;
        } else if (!isBlank(l) && /^\s+\S/.test(l) && items.length > 0) {
          // an indented line continues the item above
          items[items.length - 1] += ` ${l.trim()}`;
          i++;
        } else break;
      }
      blocks.push({
        type: "list",
        ordered: !bullet,
        start: ordered && !bullet ? Number(ordered[1]) : 1,
        items: items.map(parseInline),
      });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      !isBlank(lines[i]) &&
      !HEADING.test(lines[i]!) &&
      !FENCE.test(lines[i]!) &&
      !RULE.test(lines[i]!) &&
      !/^\s{0,3}>/.test(lines[i]!) &&
      !(para.length > 0 && (BULLET.test(lines[i]!) || ORDERED.test(lines[i]!)))
    )
      para.push(lines[i++]!.trim());
    blocks.push({ type: "paragraph", children: parseInline(para.join(" ")) });
  }
  return blocks;
}

/** Inline spans: `code`, **strong**, *em* / _em_, [text](href); a backslash escapes the next character. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = "";
  const flush = () => {
    if (buf) out.push({ type: "text", text: buf });
    buf = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!|>]/.test(text[i + 1]!)) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i) {
        flush();
        out.push({ type: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((c === "*" || c === "_") && text[i + 1] === c) {
      const end = text.indexOf(c + c, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === "*" || (c === "_" && !/\w/.test(text[i - 1] ?? ""))) {
      const end = findClosing(text, c, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: "em", children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === "[") {
      const close = text.indexOf("](", i + 1);
      const end = close > i ? closingParen(text, close + 2) : -1;
      if (close > i && end > close) {
        const href = safeHref(text.slice(close + 2, end));
        flush();
        const children = parseInline(text.slice(i + 1, close));
        if (href) out.push({ type: "link", href, children });
        else out.push(...children);
        i = end + 1;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

/** A single `*` or `_` that closes an emphasis (not part of a `**`, and `_` not inside a word). */
function findClosing(text: string, c: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] !== c) continue;
    if (text[j + 1] === c) {
      j++;
      continue;
    }
    if (c === "_" && /\w/.test(text[j + 1] ?? "")) continue;
    return j;
  }
  return -1;
}

/** The `)` that ends a link target, allowing balanced parentheses inside it. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    if (text[j] === "(") depth++;
    else if (text[j] === ")") {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

/**
 * Media type sniffing from the first bytes of a file. The stored type of uploaded evidence comes from here, never
 * from what the client claimed: a file named `report.pdf` that starts like an HTML page is stored as HTML (and
 * served as an attachment only, see `downloadContentType`).
 */

/** How many leading bytes the sniffer looks at; callers pass at least this many when the file is that long. */
export const SNIFF_BYTES = 8192;

export type SniffResult =
  | { kind: "ok"; mediaType: string }
  /** a native executable: refused as evidence */
  | { kind: "executable"; what: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

const binarySignatures: readonly { sig: readonly number[]; at?: number; type: string }[] = [
  { sig: [0x25, 0x50, 0x44, 0x46, 0x2d], type: "application/pdf" }, // %PDF-
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: "image/png" },
  { sig: [0xff, 0xd8, 0xff], type: "image/jpeg" },
  { sig: [0x47, 0x49, 0x46, 0x38], type: "image/gif" }, // GIF8
  { sig: [0x49, 0x49, 0x2a, 0x00], type: "image/tiff" },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], type: "image/tiff" },
  { sig: [0x42, 0x4d], type: "image/bmp" },
  { sig: [0x1f, 0x8b], type: "application/gzip" },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: "application/x-7z-compressed" },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], type: "application/x-ole-storage" }, // legacy Office
  { sig: [0x66, 0x74, 0x79, 0x70], at: 4, type: "video/mp4" }, // ....ftyp
];

const executableSignatures: readonly { sig: readonly number[]; what: string }[] = [
  { sig: [0x4d, 0x5a], what: "a Windows executable (MZ)" },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: "an ELF executable" },
  { sig: [0xfe, 0xed, 0xfa, 0xce], what: "a Mach-O executable" },
  { sig: [0xfe, 0xed, 0xfa, 0xcf], what: "a Mach-O executable" },
  { sig: [0xce, 0xfa, 0xed, 0xfe], what: "a Mach-O executable" },
  { sig: [0xcf, 0xfa, 0xed, 0xfe], what: "a Mach-O executable" },
];

/** ZIP containers: Office Open XML and OpenDocument files are ZIPs with telling entry names near the start. */
function sniffZip(head: Uint8Array): string {
  const text = ascii(head, 0, head.length);
  if (text.startsWith("mimetypeapplication/vnd.oasis.opendocument.", 30)) {
    const m = /^mimetype(application\/vnd\.oasis\.opendocument\.[a-z.-]+)/.exec(text.slice(30));
    if (m?.[1]) return m[1];
  }
  if (text.includes("word/"))
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (text.includes("xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (text.includes("ppt/"))
    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  return "application/zip";
}

/** True when the bytes decode as UTF-8 and hold no control characters other than tab, newlines and form feed. */
function isText(head: Uint8Array): boolean {
  let text: string;
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the sniffed window
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

function sniffText(head: Uint8Array, filename: string | null): string {
  let text = new TextDecoder("utf-8").decode(head);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]|^<script[\s>]/.test(start)) return "text/html";
  if (/^<svg[\s>]/.test(start) || (start.startsWith("<?xml") && start.includes("<svg")))
    return "image/svg+xml";
  if (start.startsWith("<?xml")) return "application/xml";
  if (/^[{[]/.test(start) && looksLikeJson(text)) return "application/json";
  // The bytes say "plain text"; the file name may only refine that into another plain-text family.
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? "")?.[1]?.toLowerCase();
  if (ext === "csv" || (ext === undefined && looksLikeCsv(text))) return "text/csv";
  if (ext === "md" || ext === "markdown") return "text/markdown";
  if (ext === "yaml" || ext === "yml") return "application/yaml";
  if (ext === "json" && looksLikeJson(text)) return "application/json";
  return "text/plain";
}

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  try {
    JSON.parse(t);
    return true;
  } catch {
    // a JSON document longer than the sniffed window cannot be parsed whole; its opening is enough
    return /^(\{\s*"|\[\s*[{["\d\-tfn\]])/.test(t);
  }
}

function looksLikeCsv(text: string): boolean {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .slice(0, 10);
  if (lines.length < 2) return false;
  const counts = lines.map((l) => l.split(",").length - 1);
  return counts[0]! > 0 && counts.every((c) => c === counts[0]);
}

/**
 * The media type of a file from its first bytes (`SNIFF_BYTES` of them, or the whole file when shorter).
 * `filename` only distinguishes plain-text families (CSV, Markdown, YAML); it never overrides what the bytes say.
 */
export function sniffMediaType(head: Uint8Array, filename: string | null = null): SniffResult {
  for (const e of executableSignatures)
    if (startsWith(head, e.sig)) return { kind: "executable", what: e.what };
  for (const s of binarySignatures)
    if (startsWith(head, s.sig, s.at)) return { kind: "ok", mediaType: s.type };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && ascii(head, 8, 12) === "WEBP")
    return { kind: "ok", mediaType: "image/webp" };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: "ok", mediaType: sniffZip(head) };
  if (head.length > 0 && isText(head)) return { kind: "ok", mediaType: sniffText(head, filename) };
  return { kind: "ok", mediaType: "application/octet-stream" };
}

/** Types a browser would run or render as a page; they are never served as themselves. */
const activeTypes = new Set(["text/html", "image/svg+xml", "application/xml", "application/xhtml+xml"]);

/**
 * The Content-Type a download is served with. Downloads are always attachments with a sandboxing CSP, and
 * active types (HTML, SVG, XML) are additionally served as opaque bytes, so no browser ever renders them.
 */
export function downloadContentType(mediaType: string): string {
  if (activeTypes.has(mediaType)) return "application/octet-stream";
  if (mediaType.startsWith("text/") || mediaType === "application/json" || mediaType === "application/yaml")
    return `${mediaType}; charset=utf-8`;
  return mediaType;
}

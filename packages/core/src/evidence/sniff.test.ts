import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { downloadContentType, sniffMediaType } from "./sniff";

const bytes = (...xs: number[]) => new Uint8Array(xs);
const text = (s: string) => new TextEncoder().encode(s);
const type = (head: Uint8Array, filename?: string) => {
  const r = sniffMediaType(head, filename ?? null);
  return r.kind === "ok" ? r.mediaType : `executable: ${r.what}`;
};

/** A ZIP local file header naming its first entry, as Office and OpenDocument files start. */
function zipWithEntry(name: string, extra = ""): Uint8Array {
  const header = new Uint8Array(30);
  header.set([0x50, 0x4b, 0x03, 0x04]);
  header[26] = name.length;
  return new Uint8Array([...header, ...text(name + extra)]);
}

describe("media type sniffing", () => {
  it("recognizes documents and images by their magic bytes", () => {
    assert.equal(type(text("%PDF-1.7\n%âãÏÓ")), "application/pdf");
    assert.equal(type(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)), "image/png");
    assert.equal(type(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)), "image/jpeg");
    assert.equal(type(text("GIF89a....")), "image/gif");
    assert.equal(type(text("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ")), "image/webp");
  });

  it("believes the bytes, not the file name", () => {
    assert.equal(type(text("%PDF-1.4"), "photo.png"), "application/pdf");
    assert.equal(type(text("<!DOCTYPE html><html><body>hi</body></html>"), "report.pdf"), "text/html");
    assert.equal(type(text("<svg xmlns='http://www.w3.org/2000/svg'></svg>"), "logo.png"), "image/svg+xml");
  });

  it("tells Office Open XML and OpenDocument apart from plain ZIP", () => {
    assert.equal(
      type(zipWithEntry("[Content_Types].xml", "....word/document.xml")),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    assert.equal(
      type(zipWithEntry("[Content_Types].xml", "....xl/workbook.xml")),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert.equal(
      type(zipWithEntry("mimetype", "application/vnd.oasis.opendocument.text")),
      "application/vnd.oasis.opendocument.text",
    );
    assert.equal(type(zipWithEntry("data/readme.txt")), "application/zip");
  });

  it("recognizes UTF-8 text and its common families", () => {
    assert.equal(type(text("Meeting notes, 2026-03-01\nAll fine.")), "text/plain");
    assert.equal(type(text('{"accuracy": 0.93, "run": 7}')), "application/json");
    assert.equal(type(text("[1, 2, 3]")), "application/json");
    assert.equal(type(text("system,metric,value\ncv,auc,0.91\nchat,toxicity,0.02\n")), "text/csv");
    assert.equal(type(text("# Review\n\nAll **good**."), "review.md"), "text/markdown");
    assert.equal(type(text("a: 1\n"), "conf.yaml"), "application/yaml");
    assert.equal(type(text("\uFEFFplain with BOM")), "text/plain");
    assert.equal(type(text("Grüße, Zürich — ✓")), "text/plain");
  });

  it("a file name never turns text into an active type", () => {
    assert.equal(type(text("just words"), "page.html"), "text/plain");
    assert.equal(type(text("just words"), "image.svg"), "text/plain");
  });

  it("tolerates a multi-byte character cut off at the end of the sniffed window", () => {
    const full = text("prüfung ✓");
    assert.equal(type(full.subarray(0, full.length - 1)), "text/plain");
  });

  it("calls other binary data octet-stream, and empty input too", () => {
    assert.equal(type(bytes(0x00, 0x01, 0x02, 0xfe)), "application/octet-stream");
    assert.equal(type(bytes(0xc3, 0x28)), "application/octet-stream", "invalid UTF-8");
    assert.equal(type(new Uint8Array()), "application/octet-stream");
  });

  it("flags native executables", () => {
    assert.match(type(text("MZ\u0090\u0000")), /^executable: a Windows/);
    assert.match(type(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1)), /^executable: an ELF/);
    assert.match(type(bytes(0xcf, 0xfa, 0xed, 0xfe)), /^executable: a Mach-O/);
  });
});

describe("download content type", () => {
  it("serves active types as opaque bytes and text with a charset", () => {
    assert.equal(downloadContentType("text/html"), "application/octet-stream");
    assert.equal(downloadContentType("image/svg+xml"), "application/octet-stream");
    assert.equal(downloadContentType("text/csv"), "text/csv; charset=utf-8");
    assert.equal(downloadContentType("application/pdf"), "application/pdf");
  });
});

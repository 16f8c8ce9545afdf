import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseInline, parseMarkdown, safeHref } from "./markdown";

describe("markdown reader", () => {
  it("reads headings, paragraphs joined across lines, and rules", () => {
    assert.deepEqual(parseMarkdown("# AI policy\n\nFirst line\nsecond line\n\n---"), [
      { type: "heading", level: 1, children: [{ type: "text", text: "AI policy" }] },
      { type: "paragraph", children: [{ type: "text", text: "First line second line" }] },
      { type: "rule" },
    ]);
  });

  it("reads emphasis, code and links inline", () => {
    assert.deepEqual(parseInline("**Owner:** see `A.2.2` and [the site](https://example.org) *now*"), [
      { type: "strong", children: [{ type: "text", text: "Owner:" }] },
      { type: "text", text: " see " },
      { type: "code", text: "A.2.2" },
      { type: "text", text: " and " },
      { type: "link", href: "https://example.org", children: [{ type: "text", text: "the site" }] },
      { type: "text", text: " " },
      { type: "em", children: [{ type: "text", text: "now" }] },
    ]);
  });

  it("never makes a link of a script URL and keeps HTML as text", () => {
    assert.equal(safeHref("javascript:alert(1)"), null);
    assert.equal(safeHref(" JaVaScRiPt:alert(1)"), null);
    assert.equal(safeHref("//evil.example"), null);
    assert.equal(safeHref("/orgs/x"), "/orgs/x");
    assert.deepEqual(parseInline("[click](javascript:alert(1))"), [{ type: "text", text: "click" }]);
    assert.deepEqual(parseMarkdown("<script>alert(1)</script>"), [
      { type: "paragraph", children: [{ type: "text", text: "<script>alert(1)</script>" }] },
    ]);
  });

  it("reads bullet and numbered lists, with indented continuation lines", () => {
    const [a, b] = parseMarkdown("- one\n- two\n  continued\n\n3. three\n4. four");
    assert.deepEqual(a, {
      type: "list",
      ordered: false,
      start: 1,
      items: [[{ type: "text", text: "one" }], [{ type: "text", text: "two continued" }]],
    });
    assert.equal(b?.type === "list" && b.ordered && b.start, 3);
  });

  it("reads pipe tables, quotes and fenced code (kept verbatim)", () => {
    const blocks = parseMarkdown(
      "| Role | Duty |\n|---|---|\n| Owner | Approves |\n\n> a *quote*\n\n```\n**not bold**\n```",
    );
    assert.deepEqual(blocks[0], {
      type: "table",
      header: [[{ type: "text", text: "Role" }], [{ type: "text", text: "Duty" }]],
      rows: [[[{ type: "text", text: "Owner" }], [{ type: "text", text: "Approves" }]]],
    });
    assert.equal(blocks[1]!.type, "quote");
    assert.deepEqual(blocks[2], { type: "code", text: "**not bold**" });
  });

  it("leaves snake_case words and lone markers alone", () => {
    assert.deepEqual(parseInline("template_key is ai_policy, 2 * 3"), [
      { type: "text", text: "template_key is ai_policy, 2 * 3" },
    ]);
  });
});

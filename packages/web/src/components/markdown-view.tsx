import { useMemo, type ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "../lib/markdown";

/** Renders a document body. Text goes through React as text, so nothing in it can become markup. */
export function MarkdownView({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  if (blocks.length === 0) return <p className="text-sm text-slate-600 italic">No text yet.</p>;
  return <div className="space-y-3 text-sm leading-6 text-slate-900">{blocks.map(renderBlock)}</div>;
}

const headingClass: Record<number, string> = {
  1: "text-xl font-semibold",
  2: "pt-2 text-lg font-semibold",
  3: "text-base font-semibold",
  4: "font-semibold",
  5: "font-semibold",
  6: "font-semibold",
};

function renderBlock(b: Block, key: number): ReactNode {
  switch (b.type) {
    case "heading": {
      // page h1 is the document title: document headings start one level below
      const Tag = `h${Math.min(b.level + 1, 6)}` as "h2";
      return (
        <Tag key={key} className={headingClass[b.level]}>
          {renderInline(b.children)}
        </Tag>
      );
    }
    case "paragraph":
      return <p key={key}>{renderInline(b.children)}</p>;
    case "list": {
      const items = b.items.map((item, i) => <li key={i}>{renderInline(item)}</li>);
      return b.ordered ? (
        <ol key={key} start={b.start} className="list-decimal space-y-1 pl-6">
          {items}
        </ol>
      ) : (
        <ul key={key} className="list-disc space-y-1 pl-6">
          {items}
        </ul>
      );
    }
    case "quote":
      return (
        <blockquote key={key} className="space-y-2 border-l-4 border-slate-300 pl-3 text-slate-700">
          {b.blocks.map(renderBlock)}
        </blockquote>
      );
    case "code":
      return (
        <pre key={key} className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs">
          {b.text}
        </pre>
      );
    case "rule":
      return <hr key={key} className="border-slate-200" />;
    case "table":
      return (
        <div key={key} className="overflow-x-auto">
          <table className="min-w-full border border-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                {b.header.map((cell, i) => (
                  <th
                    key={i}
                    scope="col"
                    className="border border-slate-200 px-2 py-1 text-left font-semibold"
                  >
                    {renderInline(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} className="border border-slate-200 px-2 py-1 align-top">
                      {renderInline(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function renderInline(xs: Inline[]): ReactNode[] {
  return xs.map((x, i) => {
    switch (x.type) {
      case "text":
        return x.text;
      case "strong":
        return <strong key={i}>{renderInline(x.children)}</strong>;
      case "em":
        return <em key={i}>{renderInline(x.children)}</em>;
      case "code":
        return (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs">
            {x.text}
          </code>
        );
      case "link":
        return (
          <a
            key={i}
            href={x.href}
            className="text-blue-800 underline underline-offset-2"
            {...(/^https?:/i.test(x.href) ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
          >
            {renderInline(x.children)}
          </a>
        );
    }
  });
}

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "./button";

interface PagerProps {
  label: string;
  pageNumber: number;
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  total?: number | undefined;
  busy?: boolean;
}

export function Pager({
  label,
  pageNumber,
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
  total,
  busy,
}: PagerProps) {
  return (
    <nav
      aria-label={label}
      className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700"
    >
      <p>
        {total !== undefined && <span>{total} total · </span>}
        Page {pageNumber}
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={onPrevious} disabled={!hasPrevious || busy}>
          <ChevronLeft className="size-4" aria-hidden="true" />
          Previous
        </Button>
        <Button size="sm" onClick={() => nextCursor && onNext(nextCursor)} disabled={!nextCursor || busy}>
          Next
          <ChevronRight className="size-4" aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}

interface CursorPagerProps {
  label: string;
  /** What `useCursorPages` returns. */
  pages: {
    pageNumber: number;
    hasPrevious: boolean;
    previous: () => void;
    next: (cursor: string) => void;
  };
  /** The page the server returned. */
  page: { nextCursor: string | null | undefined; total?: number | undefined };
  busy?: boolean;
}

/** A `Pager` wired to `useCursorPages` and the current page of results. */
export function CursorPager({ label, pages, page, busy }: CursorPagerProps) {
  return (
    <Pager
      label={label}
      pageNumber={pages.pageNumber}
      hasPrevious={pages.hasPrevious}
      nextCursor={page.nextCursor}
      onPrevious={pages.previous}
      onNext={pages.next}
      total={page.total}
      busy={busy}
    />
  );
}

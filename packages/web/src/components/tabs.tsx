import type { ComponentProps } from "react";
import * as Tabs from "@radix-ui/react-tabs";
import clsx from "clsx";

/** The row of tabs under a page header; give it an `aria-label` naming the sections. */
export function TabList({ className, ...rest }: ComponentProps<typeof Tabs.List>) {
  return <Tabs.List className={clsx("mb-4 flex gap-2 border-b border-slate-200", className)} {...rest} />;
}

/** One tab of a `TabList`: underlined while its panel is shown. */
export function Tab({ className, ...rest }: ComponentProps<typeof Tabs.Trigger>) {
  return (
    <Tabs.Trigger
      className={clsx(
        "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:text-slate-900",
        "data-[state=active]:border-blue-700 data-[state=active]:text-blue-900",
        className,
      )}
      {...rest}
    />
  );
}

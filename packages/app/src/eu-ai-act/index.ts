export * from "./classify-system";
export * from "./get-system-classification";
export * from "./update-system-obligation";
export * from "./list-org-obligations";

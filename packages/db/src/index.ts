export * as tables from "./schema";
export * from "./database";
export * from "./data-dir-lock";
export * from "./migrate";
export * from "./transaction";
export * from "./audit-chain";
export * from "./prepared";

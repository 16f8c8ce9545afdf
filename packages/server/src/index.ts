export * from "./build-server";
export * from "./config";
export * from "./deps";
export * from "./errors";
export { SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER } from "./plugins/auth";
export { registerSecurityHeaders, securityHeaderOptions } from "./plugins/security-headers";

import type { Database } from "@openaims/db";

/** Settings the use cases need; the server and CLI fill them from validated configuration. */
export interface AppSettings {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** how many failed sign-ins per e-mail or address before back-off starts */
  loginFreeAttempts: number;
  loginMaxLockSeconds: number;
}

export const defaultAppSettings: AppSettings = {
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  loginFreeAttempts: 5,
  loginMaxLockSeconds: 15 * 60,
};

export interface AppContext {
  database: Database;
  settings: AppSettings;
  /** injectable clock, so expiry rules are testable */
  now: () => Date;
}

/** Facts about the request that audit events record. */
export interface RequestMeta {
  requestId: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export function createAppContext(database: Database, settings: Partial<AppSettings> = {}): AppContext {
  return { database, settings: { ...defaultAppSettings, ...settings }, now: () => new Date() };
}

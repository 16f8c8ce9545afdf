import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP parameters (m = 19 MiB, t = 2, p = 1); PHC strings carry them, so they can change later.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal who has an account. */
let dummy: Promise<string> | null = null;
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hashPassword("not-a-real-password-0000"));

// One limiter per kind of expensive work, for the whole process: libuv's thread pool (4 threads
// unless UV_THREADPOOL_SIZE says otherwise) is process-wide, and static files and SQLite-free
// fs calls need a thread free. At most 2 scrypt + 1 key generation run at once.
import { ApiFailure } from "../http/errors.ts";
import { WorkLimiter, WorkQueueFull } from "./work-limiter.ts";

/** scrypt for sign-in: ~50 ms each; 32 queued is about a second's wait. */
export const scryptLimit = new WorkLimiter(2, 32, 60);

/** Key generation: RSA 4096 takes ~0.5 s; a handful queued keeps the wait a few seconds. */
export const keygenLimit = new WorkLimiter(1, 8, 300);

/** Key generation in the keygen limit; a full queue is KPS's 503 with Retry-After. */
export async function generateLimited<T>(generate: () => Promise<T>): Promise<T> {
  try {
    return await keygenLimit.run(generate);
  } catch (error) {
    if (!(error instanceof WorkQueueFull)) throw error;
    const seconds = String(error.retryAfterSeconds);
    throw new ApiFailure(
      503,
      "KPS.0003",
      `The service is busy generating keys. Try again in ${seconds} seconds.`,
      "kps",
      { "Retry-After": seconds },
    );
  }
}

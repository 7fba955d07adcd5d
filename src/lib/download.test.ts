// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { objectUrlCounts, revokeAllObjectUrls, saveBlob } from "./download.ts";

let next = 0;
const created = new Set<string>();

beforeEach(() => {
  vi.useFakeTimers();
  URL.createObjectURL = vi.fn(() => {
    const url = `blob:test/${next++}`;
    created.add(url);
    return url;
  });
  URL.revokeObjectURL = vi.fn((url: string) => {
    created.delete(url);
  });
});

afterEach(() => {
  revokeAllObjectUrls();
  vi.useRealTimers();
});

describe("saveBlob", () => {
  it("clicks a download link and revokes its URL once the download has started", () => {
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, "click")
      .mockImplementation(() => undefined);
    const before = objectUrlCounts();
    saveBlob(new Blob(["zip"]), "keypairs.zip");
    expect(click).toHaveBeenCalledTimes(1);
    expect(created.size).toBe(1);
    expect(document.querySelector("a[download]")).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(created.size).toBe(0);
    expect(objectUrlCounts()).toEqual({ created: before.created + 1, revoked: before.revoked + 1 });
    expect(window.__kpsObjectUrls).toEqual(objectUrlCounts());
  });

  it("revokes every outstanding URL at once on close or sign-out, and only once", () => {
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    saveBlob(new Blob(["a"]), "a.pem");
    saveBlob(new Blob(["b"]), "b.pem");
    expect(created.size).toBe(2);
    revokeAllObjectUrls();
    expect(created.size).toBe(0);
    const counts = objectUrlCounts();
    vi.advanceTimersByTime(5000);
    expect(objectUrlCounts()).toEqual(counts);
    expect(counts.created).toBe(counts.revoked);
  });

  it("revokes the URL when the browser refuses the click", () => {
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {
      throw new Error("blocked");
    });
    expect(() => saveBlob(new Blob(["x"]), "x.pem")).toThrow("blocked");
    expect(created.size).toBe(0);
  });
});

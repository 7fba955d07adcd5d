import { describe, expect, it } from "vitest";
import { publicKeyFile } from "./public-key-file.ts";

describe("publicKeyFile", () => {
  it("names the file <name>.pub and keeps the listed line byte for byte", async () => {
    const line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk= Generated-by-Nova";
    const file = publicKeyFile({ name: "web-01", public_key: line });
    expect(file?.fileName).toBe("web-01.pub");
    expect(await file?.blob.text()).toBe(line);
  });

  it("offers nothing when the service lists no public key", () => {
    expect(publicKeyFile({ name: "web-01" })).toBeNull();
  });
});

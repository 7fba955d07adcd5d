/** The blob of an OpenSSH public-key line ("type base64 [comment]"), or null if it is not one. */
export function publicKeyBlob(line: string): Uint8Array | null {
  const [, base64] = line.trim().split(/\s+/);
  if (!base64 || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

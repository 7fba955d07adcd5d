// Only origin-form request targets ("/path?query") reach the router. An absolute-form target
// ("http://host/..."), "//host", "\\host" or "*" would let the request line name another host,
// and dot segments (plain or percent-encoded) would let a path climb out of the prefix it was
// routed by: the proxy must never forward either.

export function isOriginForm(target: string): boolean {
  if (!target.startsWith("/") || target.startsWith("//")) return false;
  if (target.includes("\\") || target.includes("#")) return false;
  const query = target.indexOf("?");
  const path = query === -1 ? target : target.slice(0, query);
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    if (decoded === "." || decoded === ".." || /[/\\]/.test(decoded)) return false;
  }
  return true;
}

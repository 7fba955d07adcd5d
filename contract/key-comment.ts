// Shared by the embedded server and the console, which refuses a comment before sending it.
// Decision: a key comment is at most 255 printable ASCII characters from a safe set: letters,
// digits, single spaces between words and . @ _ + - = : , / ~ ! # % ^ * ( ) [ ] { } |
// Left out on purpose: control characters, CR, LF and tabs (a second authorized_keys line or a
// forged log line), < > & " ' ` \ ; $ ? (HTML, quoting and shell metacharacters), and non-ASCII
// (bidi overrides and look-alikes). ssh-keygen's own comments (user@host) and PuTTYgen's
// (rsa-key-20260101) fit.
const COMMENT = /^[A-Za-z0-9.@_+=:,/~!#%^*()[\]{}|-]+( [A-Za-z0-9.@_+=:,/~!#%^*()[\]{}|-]+)*$/;
export const MAX_COMMENT_LENGTH = 255;

/** Why a comment is refused, or null when it is acceptable (the empty comment is). */
export function commentProblem(comment: string): string | null {
  if (comment === "") return null;
  if (comment.length > MAX_COMMENT_LENGTH)
    return `the key comment is longer than ${MAX_COMMENT_LENGTH} characters`;
  if (!COMMENT.test(comment))
    return "the key comment may hold only letters, digits, single spaces and . @ _ + - = : , / ~ ! # % ^ * ( ) [ ] { } |";
  return null;
}

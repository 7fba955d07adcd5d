import { count, params } from "@nanostores/i18n";
import { defineWords } from "../../../../lib/i18n/i18n.ts";

// Imported only by the dialogs, so these words load with their chunks, not with the page; the
// toolbar's are in ../../words.

/** Why a key cannot be imported: PublicKeyRefusal's codes and the file's (read-key-file.ts). */
export const refusalWords = defineWords("import-keypairs/refusals", {
  textTooLarge: params("This is larger than {limit}, far more than a public key needs."),
  textEmpty: "Paste or choose a public key.",
  textPrivateKey:
    "This is a private key. Import only the public key (the .pub file); keep the private key to yourself.",
  textRfc4716:
    "This is an RFC 4716 (SSH2) public key; convert it with ssh-keygen -i -f <file> and import the line it prints.",
  textLines: params("This holds {lines} lines; a public key is one line. Import one at a time."),
  textCharacters: "The key holds tabs, control or non-ASCII characters; a public key has none.",
  lineOptions: "The line starts with options (such as command=); import the key alone.",
  lineMalformed: "This is not an OpenSSH public key line (<type> <base64> [comment]).",
  typeSecurityKey: params(
    "Security-key (FIDO) keys such as {type} are not supported: KPS takes ssh-rsa, ssh-ed25519 and ecdsa-sha2-nistp256/384/521 keys.",
  ),
  typeDsa:
    "DSA keys (ssh-dss) are not supported: KPS takes ssh-rsa, ssh-ed25519 and ecdsa-sha2-nistp256/384/521 keys.",
  typeCertificate:
    "SSH certificates are not supported: KPS takes ssh-rsa, ssh-ed25519 and ecdsa-sha2-nistp256/384/521 keys; import the plain public key.",
  typeUnsupported: params(
    "The key type {type} is not supported: KPS takes ssh-rsa, ssh-ed25519 and ecdsa-sha2-nistp256/384/521 keys.",
  ),
  typeMismatch: params(
    "The line says {declared}, but the key it holds is {held}; the two must match.",
  ),
  typeMissing: params(
    "The line says {declared}, but the key it holds names no type; the two must match.",
  ),
  rsaSize: params("This RSA key has {bits} bits; KPS takes RSA keys of 2048, 3072 or 4096 bits."),
  base64Length: "The key's base64 is malformed: its length is not whole.",
  base64Malformed: "The key's base64 is malformed.",
  base64NotCanonical: "The key's base64 is not in its canonical form.",
  keyDamaged: "The key's data is damaged: it does not hold a valid public key.",
  keyTrailingBytes: "The key's data carries bytes after the key.",
  commentTooLong: params("The key comment is longer than {limit} characters."),
  commentCharacters:
    "The key comment may hold only letters, digits, single spaces and . @ _ + - = : , / ~ ! # % ^ * ( ) [ ] { } |",
  fileTooLarge: params("This file is larger than {limit}, far more than a public key needs."),
  fileUnreadable: "This file could not be read.",
});

/** Why a name cannot be used (import-names.ts and batch-rows.ts codes). */
export const nameWords = defineWords("import-keypairs/names", {
  empty: "Give the key pair a name.",
  tooLong: params("A name has at most {max} characters."),
  characters: "A name may hold only letters, digits, _ and - (no spaces or dots).",
  taken: params("A key pair named {name} already exists."),
  twice: params("Two files in this batch are named {name}."),
});

/** What both dialogs show: the scope, the key as read, and KPS's refusals. */
export const keyWords = defineWords("import-keypairs/key", {
  scopeLabel: "Who may use it",
  scopeUser: "Only me (user)",
  scopeDomain: "Everyone in the account (domain)",
  cannotImport: "This key cannot be imported",
  nothingSent: "Nothing was sent.",
  factsLabel: "The public key as read",
  algorithm: "Algorithm",
  algorithmCurve: params("{algorithm} ({curve})"),
  size: "Size",
  bits: params("{bits} bits"),
  fingerprintMd5: "Fingerprint (MD5)",
  fingerprintSha256: "Fingerprint (SHA256)",
  cancel: "Cancel",
});

export const singleWords = defineWords("import-keypairs/single", {
  title: "Import a public key",
  close: "Close import public key",
  intro:
    "Import the public half of a key pair you made yourself (for example with ssh-keygen). KPS stores only the public key; the private key stays with you.",
  name: "Name",
  nameHint: "Letters, digits, _ and -; up to 255 characters.",
  file: "Public key file",
  fileHint: params("The .pub file, at most {limit}."),
  clearFile: "Clear the chosen file",
  paste: "Or paste the public key",
  noKey: "Paste or choose a public key.",
  import: "Import",
  importedTitle: "Public key imported",
  importedMessage: params("{name} · MD5 {fingerprint}"),
});

export const batchWords = defineWords("import-keypairs/batch", {
  title: "Import several public keys",
  close: "Close import several public keys",
  intro: params(
    "Choose or drop up to {max} public key files (.pub). Each becomes a key pair named after its file; the names can be changed before importing.",
  ),
  drop: "Drop .pub files here, or",
  choose: "Choose public key files",
  leftOutTitle: "Some files were not added",
  leftOut: params("A batch imports at most {max} files; {fileName} was not added."),
  leftOutNothingSent: "Nothing was sent for them.",
  filesLabel: "Files to import",
  noFiles: "No files yet.",
  progress: params("{imported} of {total} imported · {ready} ready to import"),
  closeButton: "Close",
  importButton: params("Import {count}"),
  retryButton: params("Retry {count}"),
  importedTitle: count({
    one: "{count} public key imported",
    other: "{count} public keys imported",
  }),
  rowLabel: params("File {fileName}"),
  remove: "Remove",
  removeLabel: params("Remove {fileName}"),
  nameFor: params("Name for {fileName}"),
  statusImported: "Imported",
  statusNotImported: "Not imported",
  statusRefused: "Refused",
  statusFixName: "Fix the name",
  statusReady: "Ready",
  keySummary: params("{algorithm} {bits} bits · MD5 {fingerprint}"),
  refusedForFile: params("{reason} Nothing will be sent for this file."),
  notImported: params("KPS did not import it: {reason}"),
  noReason: "KPS gave no reason.",
  notReported: "KPS did not report on this key pair.",
});

export const importErrorWords = defineWords("import-keypairs/errors", {
  whatOne: "Import the public key",
  whatMany: "Import the public keys",
  takenTitle: "The name is taken",
  takenText:
    "A key pair with this name already exists (it may be another user's, or new since the list loaded). Nothing was imported.",
  takenAction: "Choose another name and try again.",
  refusedTitle: "KPS refused the public key",
  refusedText: "KPS did not import this key as it is; its reason is below. Nothing was imported.",
  refusedAction: "Correct what it names and try again.",
  forbiddenTitle: "No permission to import key pairs",
  forbiddenText: "Your IAM user may not create key pairs in this project.",
  forbiddenAction:
    "Ask an administrator for a policy with kps:SSHKeyPair:create (for example DEW KeypairFullAccess).",
});

-- Permanent access keys (AK/SK) of the embedded IAM. The secret is needed in the clear to check
-- an HMAC, so it cannot be hashed like a token: it is sealed under the master key as hosted
-- private keys are, bound to its access key id.
CREATE TABLE access_keys (
  access TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
  description TEXT NOT NULL DEFAULT '',
  create_time INTEGER NOT NULL,
  format_version INTEGER NOT NULL,
  wrapped_key BLOB NOT NULL,
  sealed BLOB NOT NULL
);
CREATE INDEX access_keys_user ON access_keys(user_id, create_time);

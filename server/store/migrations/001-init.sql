CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value BLOB NOT NULL
);

CREATE TABLE domains (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  domain_id TEXT NOT NULL REFERENCES domains(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  UNIQUE (domain_id, name)
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  domain_id TEXT NOT NULL REFERENCES domains(id),
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  UNIQUE (domain_id, name)
);

CREATE TABLE grants (
  user_id TEXT NOT NULL REFERENCES users(id),
  project_id TEXT NOT NULL REFERENCES projects(id),
  policy TEXT NOT NULL,
  PRIMARY KEY (user_id, project_id)
);

-- Only the SHA-256 of a token is stored: a copy of the database cannot sign anybody in.
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  project_id TEXT NOT NULL REFERENCES projects(id),
  methods TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX tokens_expiry ON tokens(expires_at);

-- Decision: names are unique within a project, whatever the scope, so a name always means one key pair.
CREATE TABLE keypairs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id TEXT NOT NULL REFERENCES projects(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  scope TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  algorithm TEXT,
  public_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  frozen_state INTEGER NOT NULL DEFAULT 0,
  create_time INTEGER NOT NULL,
  update_time INTEGER,
  UNIQUE (project_id, name)
);

-- A hosted private key: sealed with its own data key, which is wrapped by the master key.
CREATE TABLE private_keys (
  keypair_id INTEGER PRIMARY KEY REFERENCES keypairs(id) ON DELETE CASCADE,
  format_version INTEGER NOT NULL,
  wrapped_key BLOB NOT NULL,
  sealed BLOB NOT NULL
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time TEXT NOT NULL,
  request_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  actor_user_id TEXT,
  actor_name TEXT,
  project_id TEXT,
  keypair_names TEXT NOT NULL,
  fingerprints TEXT NOT NULL,
  outcome TEXT NOT NULL,
  error_code TEXT,
  client_address TEXT
);

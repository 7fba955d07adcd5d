-- Decision (issue 10): a key-pair name is unique among what its creator can see, as the contract's
-- "unique within a project and owner" says. Domain (account) key pairs have one name space per
-- project; each user's private key pairs have their own. A user's private key pair shadows a
-- domain one of the same name for that user only (server/kps/keypair-store.ts).
-- SQLite cannot drop a table's UNIQUE constraint, so both tables are rebuilt (a DROP of keypairs
-- alone would cascade to private_keys); ids are kept, since the sealed keys' AAD binds them.
CREATE TABLE keypairs_v2 (
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
  update_time INTEGER
);
INSERT INTO keypairs_v2 SELECT * FROM keypairs;
-- Keep the AUTOINCREMENT high-water mark: an id is never handed out twice.
DELETE FROM sqlite_sequence WHERE name = 'keypairs_v2';
INSERT INTO sqlite_sequence (name, seq) SELECT 'keypairs_v2', seq FROM sqlite_sequence WHERE name = 'keypairs';

CREATE TABLE private_keys_v2 (
  keypair_id INTEGER PRIMARY KEY REFERENCES keypairs_v2(id) ON DELETE CASCADE,
  format_version INTEGER NOT NULL,
  wrapped_key BLOB NOT NULL,
  sealed BLOB NOT NULL
);
INSERT INTO private_keys_v2 SELECT * FROM private_keys;

DROP TABLE private_keys;
DROP TABLE keypairs;
ALTER TABLE keypairs_v2 RENAME TO keypairs;
ALTER TABLE private_keys_v2 RENAME TO private_keys;

CREATE UNIQUE INDEX keypairs_domain_name ON keypairs (project_id, name) WHERE scope = 'domain';
CREATE UNIQUE INDEX keypairs_user_name ON keypairs (project_id, user_id, name) WHERE scope = 'user';
CREATE INDEX keypairs_by_name ON keypairs (project_id, name);

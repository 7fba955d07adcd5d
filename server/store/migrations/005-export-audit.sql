-- Issue 15: every export attempt carries the reason its requester gave, the project its path
-- named (the history is read per project, and a refusal's caller may belong to another one) and
-- the HTTP status it was answered with (CTS reports it as `code`).
ALTER TABLE audit ADD COLUMN reason TEXT;
ALTER TABLE audit ADD COLUMN target_project_id TEXT;
ALTER TABLE audit ADD COLUMN status INTEGER;
-- The history pages newest first within a project, optionally by user or outcome.
CREATE INDEX audit_by_project ON audit(target_project_id, id);
CREATE INDEX audit_by_project_user ON audit(target_project_id, actor_name, id);
CREATE INDEX audit_by_project_outcome ON audit(target_project_id, outcome, id);
CREATE INDEX audit_by_project_user_outcome ON audit(target_project_id, actor_name, outcome, id);
-- One row per key-pair name of an attempt, so the history filters by key pair through an index
-- instead of scanning every record's JSON list.
CREATE TABLE audit_names (
  audit_id INTEGER NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
  target_project_id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (target_project_id, name, audit_id)
) WITHOUT ROWID;
CREATE INDEX audit_names_audit ON audit_names(audit_id);
-- Rows from before: the path's project was not kept, so the caller's stands in for it (the same
-- for every attempt made in the caller's own project); a success was answered 200.
UPDATE audit SET target_project_id = project_id WHERE project_id IS NOT NULL;
UPDATE audit SET status = 200 WHERE outcome = 'success';
INSERT OR IGNORE INTO audit_names (audit_id, target_project_id, name)
  SELECT a.id, a.target_project_id, j.value
    FROM audit a, json_each(a.keypair_names) j
   WHERE a.target_project_id IS NOT NULL AND json_valid(a.keypair_names) AND j.type = 'text';

-- When the token's password was last checked: a token exchanged for another project keeps its
-- original's, so step-up before an export cannot be dodged by re-scoping. NULL (older rows)
-- reads as the issue time.
ALTER TABLE tokens ADD COLUMN auth_at INTEGER;

-- Roles granted beside a user's one KPS policy in a project (CTS ReadOnlyAccess for the export
-- history): a grant row holds one policy, and IAM users commonly hold several.
CREATE TABLE role_grants (
  user_id TEXT NOT NULL REFERENCES users(id),
  project_id TEXT NOT NULL REFERENCES projects(id),
  policy TEXT NOT NULL,
  PRIMARY KEY (user_id, project_id, policy)
);

-- A user's virtual MFA device (RFC 6238). The secret is needed in the clear to check a code, so
-- it is sealed under the master key like an access key's secret. last_step is the time step of
-- the last accepted code: a code is good once.
CREATE TABLE mfa_devices (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  format_version INTEGER NOT NULL,
  wrapped_key BLOB NOT NULL,
  sealed BLOB NOT NULL,
  last_step INTEGER NOT NULL DEFAULT 0
);

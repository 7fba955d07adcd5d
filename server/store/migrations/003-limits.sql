-- One audit row may stand for many attempts: beyond the per-source limit, unauthenticated
-- attempts are counted into one summary row per source and window instead of one row each.
ALTER TABLE audit ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
-- The per-user token cap and the retention sweep look rows up by these.
CREATE INDEX tokens_user ON tokens(user_id, issued_at);
CREATE INDEX audit_time ON audit(time);

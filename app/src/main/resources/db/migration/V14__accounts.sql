-- Accounts and signing in (docs/decisions/1301-accounts-and-roles.md). The wrong-password count and the time of the
-- last one are kept with the account, so a lockout survives a restart; both start again after a right password.
CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE COLLATE NOCASE,   -- what the clerk types to sign in
    role           TEXT    NOT NULL CHECK (role IN ('clerk', 'supervisor', 'it-admin')),
    password_hash  TEXT    NOT NULL,                          -- $argon2id$v=19$m=…,t=…,p=…$salt$hash
    must_change    INTEGER NOT NULL DEFAULT 0,                -- 1: set by someone else, replaced at next sign-in
    failures       INTEGER NOT NULL DEFAULT 0,                -- wrong passwords in a row
    last_failure   TEXT,                                      -- instant of the last one (ISO-8601)
    created_at     TEXT    NOT NULL,
    last_sign_in   TEXT
);

-- The baselines' table (plain rusqlite in bench/src/plain.rs, SQLCipher in bench/sqlcipher):
-- the store's shape, with each entry's JSON in the clear.
CREATE TABLE entries (
    id   BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    v    INTEGER NOT NULL,
    body BLOB NOT NULL
) STRICT, WITHOUT ROWID;
PRAGMA user_version = 1;

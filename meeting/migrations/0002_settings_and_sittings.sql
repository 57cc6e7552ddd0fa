-- Settings that documents print: the organisation's name and logo; and
-- when a sitting was opened and closed, which its minutes state.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value BLOB NOT NULL
);

ALTER TABLE meetings ADD COLUMN opened TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN closed TEXT NOT NULL DEFAULT '';

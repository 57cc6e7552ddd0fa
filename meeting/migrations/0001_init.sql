-- Quorum's first schema. Times are UTC RFC 3339 text; days are YYYY-MM-DD.

CREATE TABLE people (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	organisation TEXT NOT NULL DEFAULT '',
	email        TEXT NOT NULL DEFAULT '',
	phone        TEXT NOT NULL DEFAULT '',
	created      TEXT NOT NULL,
	updated      TEXT NOT NULL
);
CREATE INDEX people_email ON people (lower(email)) WHERE email <> '';
CREATE INDEX people_name ON people (name);

CREATE TABLE series (
	id             INTEGER PRIMARY KEY,
	name           TEXT NOT NULL,
	code           TEXT NOT NULL UNIQUE COLLATE NOCASE,
	place          TEXT NOT NULL DEFAULT '',
	notice_days    INTEGER NOT NULL DEFAULT 0,
	quorum_percent INTEGER NOT NULL DEFAULT 0,
	quorum_count   INTEGER NOT NULL DEFAULT 0,
	quorum_proxies INTEGER NOT NULL DEFAULT 0,
	created        TEXT NOT NULL,
	updated        TEXT NOT NULL
);

CREATE TABLE series_members (
	series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	role      TEXT NOT NULL,
	voting    INTEGER NOT NULL,
	PRIMARY KEY (series_id, person_id)
);
CREATE INDEX series_members_person ON series_members (person_id);

CREATE TABLE series_agenda (
	series_id INTEGER NOT NULL REFERENCES series (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	title     TEXT NOT NULL,
	purpose   TEXT NOT NULL,
	minutes   INTEGER NOT NULL,
	PRIMARY KEY (series_id, position)
);

CREATE TABLE meetings (
	id             INTEGER PRIMARY KEY,
	series_id      INTEGER REFERENCES series (id) ON DELETE RESTRICT,
	number         INTEGER,
	title          TEXT NOT NULL,
	starts         TEXT NOT NULL, -- UTC
	utc_offset     INTEGER NOT NULL, -- seconds east of UTC at the start
	time_zone      TEXT NOT NULL DEFAULT '',
	minutes        INTEGER NOT NULL DEFAULT 0,
	place          TEXT NOT NULL DEFAULT '',
	link           TEXT NOT NULL DEFAULT '',
	classification TEXT NOT NULL,
	language       TEXT NOT NULL,
	papers_due     TEXT NOT NULL DEFAULT '',
	status         TEXT NOT NULL,
	notes          TEXT NOT NULL DEFAULT '',
	created        TEXT NOT NULL,
	updated        TEXT NOT NULL,
	UNIQUE (series_id, number)
);
CREATE INDEX meetings_starts ON meetings (starts);

CREATE TABLE attendees (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
	position   INTEGER NOT NULL,
	role       TEXT NOT NULL,
	voting     INTEGER NOT NULL,
	status     TEXT NOT NULL,
	proxy_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
	arrived    TEXT NOT NULL DEFAULT '',
	left_at    TEXT NOT NULL DEFAULT '',
	UNIQUE (meeting_id, person_id)
);
CREATE INDEX attendees_person ON attendees (person_id);
CREATE INDEX attendees_proxy ON attendees (proxy_id);

CREATE TABLE agenda_items (
	id           INTEGER PRIMARY KEY,
	meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	parent_id    INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	title        TEXT NOT NULL,
	purpose      TEXT NOT NULL,
	presenter_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
	minutes      INTEGER NOT NULL DEFAULT 0,
	description  TEXT NOT NULL DEFAULT '',
	confidential INTEGER NOT NULL DEFAULT 0,
	notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, parent_id, position);
CREATE INDEX agenda_items_parent ON agenda_items (parent_id);
CREATE INDEX agenda_items_presenter ON agenda_items (presenter_id);

CREATE TABLE decisions (
	id       INTEGER PRIMARY KEY,
	item_id  INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	text     TEXT NOT NULL,
	outcome  TEXT NOT NULL,
	votes_for     INTEGER NOT NULL DEFAULT 0,
	votes_against INTEGER NOT NULL DEFAULT 0,
	votes_abstain INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX decisions_item ON decisions (item_id, position);

-- The bytes of papers, stored once per distinct content.
CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY,
	size   INTEGER NOT NULL,
	data   BLOB NOT NULL
);

CREATE TABLE documents (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	item_id    INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
	position   INTEGER NOT NULL,
	title      TEXT NOT NULL,
	reference  TEXT NOT NULL DEFAULT '',
	file_name  TEXT NOT NULL DEFAULT '',
	media_type TEXT NOT NULL DEFAULT '',
	sha256     TEXT NOT NULL REFERENCES blobs (sha256),
	pages      INTEGER NOT NULL DEFAULT 0, -- 0: unknown
	in_pack    INTEGER NOT NULL DEFAULT 1,
	added      TEXT NOT NULL
);
CREATE INDEX documents_meeting ON documents (meeting_id, position);
CREATE INDEX documents_item ON documents (item_id);
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE actions (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
	item_id    INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
	title      TEXT NOT NULL,
	details    TEXT NOT NULL DEFAULT '',
	owner_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
	due        TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL,
	completed  TEXT NOT NULL DEFAULT '',
	created    TEXT NOT NULL,
	updated    TEXT NOT NULL
);
CREATE INDEX actions_meeting ON actions (meeting_id);
CREATE INDEX actions_item ON actions (item_id);
CREATE INDEX actions_owner ON actions (owner_id);
CREATE INDEX actions_status_due ON actions (status, due);

CREATE TABLE action_notes (
	id        INTEGER PRIMARY KEY,
	action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
	day       TEXT NOT NULL,
	text      TEXT NOT NULL
);
CREATE INDEX action_notes_action ON action_notes (action_id, day, id);

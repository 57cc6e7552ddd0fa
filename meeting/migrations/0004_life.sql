-- A meeting's life after its agenda: the day it was convened (for the
-- notice period), when each item was taken, who arrived or left during
-- which item, the items that follow up the previous meeting, and each
-- step of the validation of its minutes.
ALTER TABLE meetings ADD COLUMN convened_on TEXT NOT NULL DEFAULT '';

ALTER TABLE agenda_items ADD COLUMN started TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN ended TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN approves_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL;
CREATE INDEX agenda_items_approves ON agenda_items (approves_id) WHERE approves_id IS NOT NULL;

CREATE TABLE attendance_events (
	id          INTEGER PRIMARY KEY,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	attendee_id INTEGER NOT NULL REFERENCES attendees (id) ON DELETE CASCADE,
	kind        TEXT NOT NULL, -- arrival, departure
	at          TEXT NOT NULL, -- HH:MM, local time
	item_id     INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
	-- the attendee's presence, arrival and departure times before it, so
	-- that a mistaken tap can be undone
	prior_status  TEXT NOT NULL,
	prior_arrived TEXT NOT NULL DEFAULT '',
	prior_left    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attendance_events_meeting ON attendance_events (meeting_id, at, id);
CREATE INDEX attendance_events_attendee ON attendance_events (attendee_id);
CREATE INDEX attendance_events_item ON attendance_events (item_id);

CREATE TABLE minutes_steps (
	id         INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	step       TEXT NOT NULL, -- submitted, approved, returned, reopened
	by_name    TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL, -- UTC
	comment    TEXT NOT NULL DEFAULT '',
	by_meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL -- approved by this meeting's decision
);
CREATE INDEX minutes_steps_by_meeting ON minutes_steps (by_meeting_id) WHERE by_meeting_id IS NOT NULL;
CREATE INDEX minutes_steps_meeting ON minutes_steps (meeting_id, id);

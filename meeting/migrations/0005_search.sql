-- One full-text index over what users look for: meetings, agenda items,
-- decisions, actions with their notes, people and paper titles. Accents
-- and case are ignored; prefixes of 1 to 3 letters are indexed, for the
-- word being typed. A row's rowid is its kind * 2^40 + its record's id
-- (kinds: 1 meeting, 2 item, 3 decision, 4 action, 5 person, 6 paper), so
-- that each kind is a range of rowids. Triggers keep it in step with the
-- tables.
CREATE VIRTUAL TABLE search_index USING fts5 (title, body, tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3');
-- The titles alone, same rowids: a search looks there first, and a
-- title's few words are quick to go through.
CREATE VIRTUAL TABLE search_titles USING fts5 (title, tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3');

CREATE TRIGGER search_meeting_insert AFTER INSERT ON meetings BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES ((1 << 40) + new.id, new.title, new.place || char(10) || new.notes);
	INSERT INTO search_titles (rowid, title) VALUES ((1 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_meeting_update AFTER UPDATE OF title, place, notes ON meetings BEGIN
	DELETE FROM search_index WHERE rowid = (1 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (1 << 40) + old.id;
	INSERT INTO search_index (rowid, title, body) VALUES ((1 << 40) + new.id, new.title, new.place || char(10) || new.notes);
	INSERT INTO search_titles (rowid, title) VALUES ((1 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meetings BEGIN
	DELETE FROM search_index WHERE rowid = (1 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (1 << 40) + old.id;
END;

CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_items BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES ((2 << 40) + new.id, new.title, new.description || char(10) || new.notes);
	INSERT INTO search_titles (rowid, title) VALUES ((2 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_item_update AFTER UPDATE OF title, description, notes ON agenda_items BEGIN
	DELETE FROM search_index WHERE rowid = (2 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (2 << 40) + old.id;
	INSERT INTO search_index (rowid, title, body) VALUES ((2 << 40) + new.id, new.title, new.description || char(10) || new.notes);
	INSERT INTO search_titles (rowid, title) VALUES ((2 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_items BEGIN
	DELETE FROM search_index WHERE rowid = (2 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (2 << 40) + old.id;
END;

CREATE TRIGGER search_decision_insert AFTER INSERT ON decisions BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES ((3 << 40) + new.id, new.text, '');
	INSERT INTO search_titles (rowid, title) VALUES ((3 << 40) + new.id, new.text);
END;
CREATE TRIGGER search_decision_update AFTER UPDATE OF text ON decisions BEGIN
	DELETE FROM search_index WHERE rowid = (3 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (3 << 40) + old.id;
	INSERT INTO search_index (rowid, title, body) VALUES ((3 << 40) + new.id, new.text, '');
	INSERT INTO search_titles (rowid, title) VALUES ((3 << 40) + new.id, new.text);
END;
CREATE TRIGGER search_decision_delete AFTER DELETE ON decisions BEGIN
	DELETE FROM search_index WHERE rowid = (3 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (3 << 40) + old.id;
END;

-- An action's body is its details and its progress notes.
CREATE TRIGGER search_action_insert AFTER INSERT ON actions BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES ((4 << 40) + new.id, new.title, new.details);
	INSERT INTO search_titles (rowid, title) VALUES ((4 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF title, details ON actions BEGIN
	DELETE FROM search_index WHERE rowid = (4 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (4 << 40) + old.id;
	INSERT INTO search_index (rowid, title, body) VALUES ((4 << 40) + new.id, new.title,
		new.details || coalesce((SELECT char(10) || group_concat(text, char(10)) FROM action_notes WHERE action_id = new.id), ''));
	INSERT INTO search_titles (rowid, title) VALUES ((4 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_action_delete AFTER DELETE ON actions BEGIN
	DELETE FROM search_index WHERE rowid = (4 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (4 << 40) + old.id;
END;
CREATE TRIGGER search_action_note_insert AFTER INSERT ON action_notes BEGIN
	UPDATE actions SET details = details WHERE id = new.action_id;
END;
CREATE TRIGGER search_action_note_update AFTER UPDATE OF text ON action_notes BEGIN
	UPDATE actions SET details = details WHERE id = new.action_id;
END;
CREATE TRIGGER search_action_note_delete AFTER DELETE ON action_notes BEGIN
	UPDATE actions SET details = details WHERE id = old.action_id;
END;

CREATE TRIGGER search_person_insert AFTER INSERT ON people BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES ((5 << 40) + new.id, new.name,
		new.title || char(10) || new.organisation || char(10) || new.email);
	INSERT INTO search_titles (rowid, title) VALUES ((5 << 40) + new.id, new.name);
END;
CREATE TRIGGER search_person_update AFTER UPDATE OF name, title, organisation, email ON people BEGIN
	DELETE FROM search_index WHERE rowid = (5 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (5 << 40) + old.id;
	INSERT INTO search_index (rowid, title, body) VALUES ((5 << 40) + new.id, new.name,
		new.title || char(10) || new.organisation || char(10) || new.email);
	INSERT INTO search_titles (rowid, title) VALUES ((5 << 40) + new.id, new.name);
END;
CREATE TRIGGER search_person_delete AFTER DELETE ON people BEGIN
	DELETE FROM search_index WHERE rowid = (5 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (5 << 40) + old.id;
END;

CREATE TRIGGER search_document_insert AFTER INSERT ON documents BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES ((6 << 40) + new.id, new.title, new.reference || char(10) || new.file_name);
	INSERT INTO search_titles (rowid, title) VALUES ((6 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_document_update AFTER UPDATE OF title, reference, file_name ON documents BEGIN
	DELETE FROM search_index WHERE rowid = (6 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (6 << 40) + old.id;
	INSERT INTO search_index (rowid, title, body) VALUES ((6 << 40) + new.id, new.title, new.reference || char(10) || new.file_name);
	INSERT INTO search_titles (rowid, title) VALUES ((6 << 40) + new.id, new.title);
END;
CREATE TRIGGER search_document_delete AFTER DELETE ON documents BEGIN
	DELETE FROM search_index WHERE rowid = (6 << 40) + old.id;
	DELETE FROM search_titles WHERE rowid = (6 << 40) + old.id;
END;

-- What was there before the index.
INSERT INTO search_index (rowid, title, body) SELECT (1 << 40) + id, title, place || char(10) || notes FROM meetings;
INSERT INTO search_index (rowid, title, body) SELECT (2 << 40) + id, title, description || char(10) || notes FROM agenda_items;
INSERT INTO search_index (rowid, title, body) SELECT (3 << 40) + id, text, '' FROM decisions;
INSERT INTO search_index (rowid, title, body) SELECT (4 << 40) + id, title,
	details || coalesce((SELECT char(10) || group_concat(text, char(10)) FROM action_notes WHERE action_id = actions.id), '') FROM actions;
INSERT INTO search_index (rowid, title, body) SELECT (5 << 40) + id, name, title || char(10) || organisation || char(10) || email FROM people;
INSERT INTO search_index (rowid, title, body) SELECT (6 << 40) + id, title, reference || char(10) || file_name FROM documents;

INSERT INTO search_titles (rowid, title) SELECT rowid, title FROM search_index;

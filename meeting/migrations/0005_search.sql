-- One full-text index over what users look for: meetings, agenda items,
-- decisions, actions with their notes, people and paper titles. Accents
-- and case are ignored. A row's rowid is its record's id * 8 + its kind:
-- 1 meeting, 2 item, 3 decision, 4 action, 5 person, 6 paper. Triggers
-- keep it in step with the tables.
CREATE VIRTUAL TABLE search_index USING fts5 (title, body, tokenize = "unicode61 remove_diacritics 2");

CREATE TRIGGER search_meeting_insert AFTER INSERT ON meetings BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.place || char(10) || new.notes);
END;
CREATE TRIGGER search_meeting_update AFTER UPDATE OF title, place, notes ON meetings BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 1, new.title, new.place || char(10) || new.notes);
END;
CREATE TRIGGER search_meeting_delete AFTER DELETE ON meetings BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER search_item_insert AFTER INSERT ON agenda_items BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description || char(10) || new.notes);
END;
CREATE TRIGGER search_item_update AFTER UPDATE OF title, description, notes ON agenda_items BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 2, new.title, new.description || char(10) || new.notes);
END;
CREATE TRIGGER search_item_delete AFTER DELETE ON agenda_items BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER search_decision_insert AFTER INSERT ON decisions BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 3, new.text, '');
END;
CREATE TRIGGER search_decision_update AFTER UPDATE OF text ON decisions BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 3, new.text, '');
END;
CREATE TRIGGER search_decision_delete AFTER DELETE ON decisions BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

-- An action's body is its details and its progress notes.
CREATE TRIGGER search_action_insert AFTER INSERT ON actions BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 4, new.title, new.details);
END;
CREATE TRIGGER search_action_update AFTER UPDATE OF title, details ON actions BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 4, new.title,
		new.details || coalesce((SELECT char(10) || group_concat(text, char(10)) FROM action_notes WHERE action_id = new.id), ''));
END;
CREATE TRIGGER search_action_delete AFTER DELETE ON actions BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
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
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 5, new.name,
		new.title || char(10) || new.organisation || char(10) || new.email);
END;
CREATE TRIGGER search_person_update AFTER UPDATE OF name, title, organisation, email ON people BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 5, new.name,
		new.title || char(10) || new.organisation || char(10) || new.email);
END;
CREATE TRIGGER search_person_delete AFTER DELETE ON people BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;

CREATE TRIGGER search_document_insert AFTER INSERT ON documents BEGIN
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 6, new.title, new.reference || char(10) || new.file_name);
END;
CREATE TRIGGER search_document_update AFTER UPDATE OF title, reference, file_name ON documents BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
	INSERT INTO search_index (rowid, title, body) VALUES (new.id * 8 + 6, new.title, new.reference || char(10) || new.file_name);
END;
CREATE TRIGGER search_document_delete AFTER DELETE ON documents BEGIN
	DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;

-- What was there before the index.
INSERT INTO search_index (rowid, title, body) SELECT id * 8 + 1, title, place || char(10) || notes FROM meetings;
INSERT INTO search_index (rowid, title, body) SELECT id * 8 + 2, title, description || char(10) || notes FROM agenda_items;
INSERT INTO search_index (rowid, title, body) SELECT id * 8 + 3, text, '' FROM decisions;
INSERT INTO search_index (rowid, title, body) SELECT id * 8 + 4, title,
	details || coalesce((SELECT char(10) || group_concat(text, char(10)) FROM action_notes WHERE action_id = actions.id), '') FROM actions;
INSERT INTO search_index (rowid, title, body) SELECT id * 8 + 5, name, title || char(10) || organisation || char(10) || email FROM people;
INSERT INTO search_index (rowid, title, body) SELECT id * 8 + 6, title, reference || char(10) || file_name FROM documents;

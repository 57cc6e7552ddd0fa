-- What Quorum learnt of each paper's content when it was attached: its
-- kind, page count, what is wrong with it, and a clean copy to print in
-- briefing packs. Kept with the content, so that it is examined once.
ALTER TABLE blobs ADD COLUMN examined INTEGER NOT NULL DEFAULT 0;
ALTER TABLE blobs ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE blobs ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE blobs ADD COLUMN problem TEXT NOT NULL DEFAULT '';
ALTER TABLE blobs ADD COLUMN print_sha256 TEXT REFERENCES blobs (sha256);
UPDATE blobs SET pages = coalesce((SELECT max(d.pages) FROM documents d WHERE d.sha256 = blobs.sha256), 0);
DROP INDEX documents_sha256;
ALTER TABLE documents DROP COLUMN pages;
CREATE INDEX documents_sha256 ON documents (sha256);
CREATE INDEX blobs_print ON blobs (print_sha256) WHERE print_sha256 IS NOT NULL;

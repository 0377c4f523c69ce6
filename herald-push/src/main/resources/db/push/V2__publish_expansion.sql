-- A publish is answered once it is stored with its audience; the nodes then turn it into delivery
-- rows in chunks (push_deliveries), so the answer and the first delivery do not wait for the whole
-- audience. expand_cursor is the last device id queued so far ('' before the first chunk);
-- expand_due_at is when a node may take up the expansion next (a lease), NULL once it is done.
ALTER TABLE push_publishes ADD COLUMN audience VARCHAR(16);
ALTER TABLE push_publishes ADD COLUMN audience_targets VARCHAR(1000000);
ALTER TABLE push_publishes ADD COLUMN expand_cursor VARCHAR(64);
ALTER TABLE push_publishes ADD COLUMN expand_due_at BIGINT;
CREATE INDEX push_publishes_expanding ON push_publishes (expand_due_at);

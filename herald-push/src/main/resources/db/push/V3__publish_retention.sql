-- Finished publishes older than push.publish-retention are deleted in age order.
CREATE INDEX push_publishes_by_age ON push_publishes (created_at);

ALTER TABLE store_test_jobs ADD COLUMN note VARCHAR(100);

-- One row per app. The secret (and the previous one during a rotation's grace) in columns of their own;
-- every other setting in "definition", the app's JSON with the configuration's fields (max-connections,
-- limits, webhooks, allowed-origins, …), checked like the configuration file when read.
CREATE TABLE apps (
    id VARCHAR(64) PRIMARY KEY,
    app_key VARCHAR(64) NOT NULL UNIQUE,
    secret VARCHAR(512) NOT NULL,
    previous_secret VARCHAR(512),
    previous_secret_expires BIGINT,
    definition TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Moves with every change: nodes compare it to know when to load the apps again.
CREATE TABLE apps_version (
    id INT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO apps_version (id, version) VALUES (1, 0);

-- Issue 12: what an administrator changes at run time, in the database so that every node
-- sees a change at once and a restart with the old environment does not undo it.
--
-- runtime_settings: one row (id 1), like portal_policy. Seeded from the environment settings
-- (SEALPOST_ORGANISATION_NAME, SEALPOST_NOTIFY_SHOW_SUBJECT, SEALPOST_SMTP_FLAG_HEADER,
-- SEALPOST_SMTP_ACCEPT_UNFLAGGED, SEALPOST_SMTP_ALLOWED_CLIENTS, SEALPOST_RETRY_INTERVAL,
-- SEALPOST_RETRY_MAX_AGE) the first time it is read; from then on the row wins. The version
-- column makes a stale form fail instead of overwriting a newer change (optimistic locking).
-- The checks repeat the domain's rules so that a hand-made UPDATE cannot store what the
-- portal would refuse (a colour that is not #rrggbb, a logo of a type it does not serve).
CREATE TABLE runtime_settings (
    id                       INTEGER     PRIMARY KEY CHECK (id = 1),
    organisation_name        TEXT        NOT NULL CHECK (length(organisation_name) BETWEEN 1 AND 100),
    accent_colour            TEXT        NOT NULL CHECK (accent_colour ~ '^#[0-9a-f]{6}$'),
    show_original_subject    BOOLEAN     NOT NULL,
    -- The logo's bytes are read only by the logo's own request, never with the settings.
    logo                     BYTEA,
    logo_media_type          TEXT        CHECK (logo_media_type IN ('image/png', 'image/svg+xml')),
    logo_sha256              TEXT,
    flag_header_name         TEXT        NOT NULL,
    flag_header_value        TEXT        NOT NULL,
    accept_unflagged         BOOLEAN     NOT NULL,
    -- CIDR blocks separated by single spaces, as validated by the bridge's own parser.
    allowed_clients          TEXT        NOT NULL,
    retry_interval_seconds   BIGINT      NOT NULL CHECK (retry_interval_seconds > 0),
    retry_max_age_seconds    BIGINT      NOT NULL CHECK (retry_max_age_seconds > 0),
    changed_at               TIMESTAMPTZ NOT NULL,
    version                  INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT runtime_settings_logo_whole CHECK ((logo IS NULL) = (logo_media_type IS NULL)
                                                  AND (logo IS NULL) = (logo_sha256 IS NULL))
);
ALTER TABLE runtime_settings ALTER COLUMN logo SET STORAGE EXTERNAL;

-- An administrator's version of a mail the portal sends; no row means the built-in default.
-- "Restore default" deletes the row. Version as above.
CREATE TABLE mail_template (
    kind       TEXT        PRIMARY KEY CHECK (kind IN ('REGISTER_FIRST_MESSAGE', 'NEW_MESSAGE', 'ACCOUNT_REGISTERED',
                                                       'PASSWORD_CHANGED', 'PASSWORD_RESET_DONE', 'PASSWORD_RESET',
                                                       'ADMINISTRATOR_INVITATION', 'CERTIFICATE_EXPIRING')),
    subject    TEXT        NOT NULL,
    text_body  TEXT        NOT NULL,
    html_body  TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    version    INTEGER     NOT NULL DEFAULT 0
);

-- "Send me a test": a queue row that renders one template with sample values to the
-- administrator who asked, through the same queue and smarthost as every mail.
ALTER TABLE outbound_mail ADD COLUMN template_kind TEXT;
ALTER TABLE outbound_mail DROP CONSTRAINT outbound_mail_kind_check;
ALTER TABLE outbound_mail ADD CONSTRAINT outbound_mail_kind_check
    CHECK (kind IN ('NOTIFY_NEW_MESSAGE', 'REGISTRATION_LINK', 'PASSWORD_RESET', 'RELAY',
                    'ACCOUNT_REGISTERED', 'PASSWORD_CHANGED', 'PASSWORD_RESET_DONE', 'CERTIFICATE_EXPIRING',
                    'TEMPLATE_TEST'));
ALTER TABLE outbound_mail ADD CONSTRAINT outbound_mail_template_test_names_template
    CHECK ((kind = 'TEMPLATE_TEST') = (template_kind IS NOT NULL));

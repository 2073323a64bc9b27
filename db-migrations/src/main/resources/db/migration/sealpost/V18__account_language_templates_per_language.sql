-- Issue 15: mails in the recipient's language (English or German).
--
-- account.language: the language of the pages the account last signed in with (the JSF view's
-- locale, which JSF picks from the browser's Accept-Language among the portal's languages).
-- NULL until the first sign-in: mails then use the organisation's default language.
ALTER TABLE account ADD COLUMN language TEXT CHECK (language IN ('en', 'de'));

-- The organisation's default language. NULL in a row written before this migration: the
-- portal seeds it from SEALPOST_DEFAULT_LANGUAGE the first time it reads the row, like every
-- other runtime setting; from then on the row wins.
ALTER TABLE runtime_settings ADD COLUMN default_language TEXT CHECK (default_language IN ('en', 'de'));

-- A template per (kind, language). The administrator's edited templates were English (the
-- only language there was), so every existing row becomes the English one; the German
-- templates start as the built-in defaults.
ALTER TABLE mail_template ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de'));
ALTER TABLE mail_template ALTER COLUMN language DROP DEFAULT;
ALTER TABLE mail_template DROP CONSTRAINT mail_template_pkey;
ALTER TABLE mail_template ADD CONSTRAINT mail_template_pkey PRIMARY KEY (kind, language);

-- "Send me a test" renders the template of the language the administrator was editing.
ALTER TABLE outbound_mail ADD COLUMN template_language TEXT CHECK (template_language IN ('en', 'de'));

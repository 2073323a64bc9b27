-- Issue 15 (sign-in capacity), ADR 0023: a node learns that a table it caches has changed from
-- a PostgreSQL notification instead of reading the table on every use. Every statement that
-- writes one of these tables notifies channel 'sealpost_change' with the table's name; the
-- notification is delivered to every listening session when the writing transaction commits,
-- and not at all when it rolls back (PostgreSQL documentation, NOTIFY). Identical notifications
-- of one transaction are folded into one, so a statement-level trigger costs a writer nothing
-- worth counting.
--
-- Listening nodes also drop what they cache on a slow safety poll (sealpost.change.safety.poll)
-- and whenever their listening connection is re-established, so a notification lost with a
-- connection costs at most that long of a stale value.
CREATE FUNCTION sealpost_notify_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('sealpost_change', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER runtime_settings_change_signal
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON runtime_settings
    FOR EACH STATEMENT EXECUTE FUNCTION sealpost_notify_change();

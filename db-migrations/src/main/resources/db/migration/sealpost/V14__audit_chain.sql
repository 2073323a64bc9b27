-- The audit trail becomes tamper-evident (issue 12, ADR 0014): each event carries a SHA-256
-- hash over its canonical encoding and the previous event's hash, in the order of a gap-free
-- sequence number. Events are still inserted unchained by whoever records them (the intake's
-- transaction among them), so no writer waits for a global lock until it commits; a single
-- chaining worker (one node at a time, holding the chain head row below) links committed
-- events in id order within seconds. The encoding is defined in
-- org.sealpost.portal.audit.AuditChainHash and in ADR 0014.

ALTER TABLE audit_event
    -- A change made in the admin console: which field, its value before and after (a secret's
    -- values are masked by AuditTrail before they get here).
    ADD COLUMN field      TEXT,
    ADD COLUMN old_value  TEXT,
    ADD COLUMN new_value  TEXT,
    -- Set once by the chaining worker: 1, 2, 3, … without gaps, so a removed event shows as a
    -- missing number; NULL while the event waits to be linked.
    ADD COLUMN chain_seq  BIGINT,
    ADD COLUMN chain_hash BYTEA;

ALTER TABLE audit_event
    ADD CONSTRAINT audit_event_chain_seq_unique UNIQUE (chain_seq),
    ADD CONSTRAINT audit_event_linked_whole CHECK ((chain_seq IS NULL) = (chain_hash IS NULL)),
    ADD CONSTRAINT audit_event_hash_length CHECK (chain_hash IS NULL OR octet_length(chain_hash) = 32);

-- The worker's "what is waiting to be linked", in id order; empty once it has caught up.
CREATE INDEX audit_event_unchained ON audit_event (id) WHERE chain_seq IS NULL;

-- The audit page's "account" filter: events the account did (actor holds its address) …
CREATE INDEX audit_event_by_actor ON audit_event (actor, occurred_at DESC);
-- … and events done to it (target account id); also the account page's sign-in history.
-- Partial: the intake's one event per message (target_type 'message') never enters it.
CREATE INDEX audit_event_by_account ON audit_event (target_id, occurred_at DESC) WHERE target_type = 'account';

-- The head of the chain: one row. Whoever links events holds it (SELECT … FOR UPDATE SKIP
-- LOCKED), so one node at a time extends the chain and the others skip their pass; a
-- verification holds it too, so the chain cannot grow under it. It remembers the last link
-- (a removal at the end of the chain shows against it) and the last check's time and result,
-- which the overview page shows.
CREATE TABLE audit_chain_head (
    id            SMALLINT    PRIMARY KEY CHECK (id = 1),
    last_seq      BIGINT      NOT NULL CHECK (last_seq >= 0),
    last_hash     BYTEA       NOT NULL CHECK (octet_length(last_hash) = 32),
    linked_at     TIMESTAMPTZ,
    checked_at    TIMESTAMPTZ,
    checked_by    TEXT,
    check_intact  BOOLEAN,
    check_summary TEXT
);

-- Sequence 0 is the genesis: 32 zero bytes, the "previous hash" of event 1. Events recorded
-- before this migration are linked by the worker like new ones, oldest id first.
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- Issue 13: the bridge's TLS certificate and key live in the database, where every node reads
-- them (a file in one node's data directory would leave the other nodes on the old one), and
-- change without a restart: each node polls the CURRENT row's id and reloads when it changes.
--
-- The private key is never stored in clear: it is sealed like a message (a random data key
-- under the current key-encryption key, AES-256-GCM), so a dump of this table holds no usable
-- key without the keystore. kek_version names the KEK that wraps it, so key rotation can find
-- and re-wrap it like any message key.
CREATE TABLE bridge_certificate (
    id               UUID        PRIMARY KEY,
    -- CURRENT: served by the bridge. PREVIOUS: the one it replaced, kept for rollback.
    -- PENDING_CSR: a key whose CSR went to a CA, waiting for its certificate chain.
    state            TEXT        NOT NULL CHECK (state IN ('CURRENT', 'PREVIOUS', 'PENDING_CSR')),
    key_kind         TEXT        NOT NULL,
    kek_version      INTEGER     NOT NULL CHECK (kek_version >= 1),
    wrapped_key      BYTEA       NOT NULL,
    sealed_key       BYTEA       NOT NULL,
    -- Leaf first, PEM; absent only while the key waits for its certificate.
    chain_pem        TEXT,
    csr_pem          TEXT,
    fingerprint      TEXT,
    not_after        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by       TEXT        NOT NULL,
    activated_at     TIMESTAMPTZ,
    -- The day the last expiry warning went to the administrators: the first node to move it
    -- to today sends that day's mail, so the cluster sends one a day, not one per node.
    expiry_notice_on DATE,
    CONSTRAINT bridge_certificate_chain_unless_pending CHECK (state = 'PENDING_CSR' OR chain_pem IS NOT NULL),
    -- At most one row per state. Deferred to the commit, because a rollback swaps CURRENT and
    -- PREVIOUS in one transaction and a row-by-row check would see two CURRENT rows midway.
    CONSTRAINT bridge_certificate_one_per_state UNIQUE (state) DEFERRABLE INITIALLY DEFERRED
);

-- The trust anchors of the smarthost connection (issue 13, "Outbound TLS"), imported by the
-- administrator; when the table holds any, they replace SEALPOST_SMARTHOST_TRUSTSTORE and the
-- JDK's CAs for new connections on every node.
CREATE TABLE smarthost_trust_anchor (
    fingerprint     TEXT        PRIMARY KEY,
    subject         TEXT        NOT NULL,
    certificate_pem TEXT        NOT NULL,
    not_after       TIMESTAMPTZ NOT NULL,
    added_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    added_by        TEXT        NOT NULL
);

-- The TLS protocol and cipher suite of the last delivery to the smarthost, for the
-- administrator's certificate page; one row, overwritten by whichever node delivered last.
CREATE TABLE smarthost_tls_session (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    protocol     TEXT        NOT NULL,
    cipher_suite TEXT        NOT NULL,
    peer_subject TEXT,
    observed_at  TIMESTAMPTZ NOT NULL
);

-- The administrators' daily reminder from 30 days before the bridge certificate expires goes
-- out through the outbound queue like every mail the portal sends (retries, give-up age).
ALTER TABLE outbound_mail DROP CONSTRAINT outbound_mail_kind_check;
ALTER TABLE outbound_mail ADD CONSTRAINT outbound_mail_kind_check
    CHECK (kind IN ('NOTIFY_NEW_MESSAGE', 'REGISTRATION_LINK', 'PASSWORD_RESET', 'RELAY',
                    'ACCOUNT_REGISTERED', 'PASSWORD_CHANGED', 'PASSWORD_RESET_DONE', 'CERTIFICATE_EXPIRING'));

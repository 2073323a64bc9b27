package org.sealpost.portal.keys;

/**
 * A table that holds wrapped data keys ({@code kek_version}, {@code wrapped_key} beside the
 * ciphertext they open). A new sealed kind of row means a new constant here, or rotation would
 * leave its keys behind and retirement would make them unreadable.
 */
public enum DataKeyTable {
    /** Messages, one row per message however many recipients; the seal id is the row id. */
    MESSAGE_CONTENT("message_content", "id"),
    /** Drafts being written. */
    DRAFT("draft", "seal_id"),
    /** Files uploaded to a draft. */
    DRAFT_ATTACHMENT("draft_attachment", "seal_id"),
    /** The bridge's TLS private keys (current, previous, waiting for a CA), sealed as messages are. */
    BRIDGE_CERTIFICATE("bridge_certificate", "id"),
    /** Authenticator (TOTP) secrets, one row per account (ADR 0013). */
    SECOND_FACTOR("second_factor", "seal_id", "account_id");

    private final String table;
    private final String sealIdColumn;
    private final String keyColumn;

    DataKeyTable(String table, String sealIdColumn) {
        this(table, sealIdColumn, "id");
    }

    DataKeyTable(String table, String sealIdColumn, String keyColumn) {
        this.table = table;
        this.sealIdColumn = sealIdColumn;
        this.keyColumn = keyColumn;
    }

    /** The column that names one row (its primary key). */
    String keyColumn() {
        return keyColumn;
    }

    /** The table's name, as operators see it in {@code ./sealpost keys status}. */
    public String table() {
        return table;
    }

    /** The column holding the id the data key's wrapping is bound to (its GCM associated data). */
    String sealIdColumn() {
        return sealIdColumn;
    }
}

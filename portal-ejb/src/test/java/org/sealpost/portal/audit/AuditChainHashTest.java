package org.sealpost.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditChainHashTest {

    private static final Instant AT = Instant.parse("2026-12-03T13:45:06.123456Z");
    private static final byte[] PREVIOUS = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            PREVIOUS[i] = (byte) i;
        }
    }

    private static AuditEvent event(
            long id, Instant at, String actor, String detail, String field, String oldValue, String newValue) {
        return new AuditEvent(
                id,
                null,
                null,
                at,
                actor,
                "SIGNED_IN",
                "account",
                "17",
                "198.51.100.7",
                detail,
                field,
                oldValue,
                newValue);
    }

    private static final AuditEvent EVENT = event(42, AT, "anna@client.example", null, "", "Grüße, \"x\"", null);

    @Test
    void theHashIsSha256OverTheDocumentedEncodingAndThePreviousHash() throws Exception {
        // Built here by hand, field by field, as ADR 0014 defines it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("SEALPOST-AUDIT-1".getBytes(StandardCharsets.US_ASCII));
        out.writeLong(7);
        out.writeLong(42);
        out.writeLong(1_796_305_506_123_456L); // 2026-12-03T13:45:06.123456Z in microseconds
        for (String s : new String[] {
            "anna@client.example", "SIGNED_IN", "account", "17", "198.51.100.7", null, "", "Grüße, \"x\"", null
        }) {
            if (s == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        out.write(PREVIOUS);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());

        byte[] actual = AuditChainHash.hash(EVENT, 7, PREVIOUS);

        assertThat(actual).isEqualTo(expected);
        // The same vector computed outside Java (Python's hashlib over the same bytes), so a
        // mistake shared by the test's encoder and the code's would still show.
        assertThat(HexFormat.of().formatHex(actual))
                .isEqualTo("e3e0748e26fae51feca9f6cec75f03e58bf0fd8a5a176aa3d9786854ee4812d8");
    }

    @Test
    void nullAndEmptyTextHashDifferently() {
        AuditEvent withNull = event(1, AT, "a", null, null, null, null);
        AuditEvent withEmpty = event(1, AT, "a", "", null, null, null);

        assertThat(AuditChainHash.hash(withNull, 1, PREVIOUS))
                .isNotEqualTo(AuditChainHash.hash(withEmpty, 1, PREVIOUS));
    }

    @Test
    void movingCharactersAcrossAFieldBoundaryChangesTheHash() {
        AuditEvent ab = event(1, AT, "ab", "c", null, null, null);
        AuditEvent a = event(1, AT, "a", "bc", null, null, null);

        assertThat(AuditChainHash.encode(ab, 1)).isNotEqualTo(AuditChainHash.encode(a, 1));
        assertThat(AuditChainHash.hash(ab, 1, PREVIOUS)).isNotEqualTo(AuditChainHash.hash(a, 1, PREVIOUS));
    }

    @Test
    void sequenceIdTimePreviousHashAndOldAndNewValuesAreAllCovered() {
        byte[] base = AuditChainHash.hash(EVENT, 7, PREVIOUS);

        assertThat(AuditChainHash.hash(EVENT, 8, PREVIOUS)).isNotEqualTo(base);
        assertThat(AuditChainHash.hash(
                        event(43, AT, "anna@client.example", null, "", "Grüße, \"x\"", null), 7, PREVIOUS))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.hash(
                        event(42, AT.plusNanos(1_000), "anna@client.example", null, "", "Grüße, \"x\"", null),
                        7,
                        PREVIOUS))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.hash(EVENT, 7, AuditChainHash.genesis())).isNotEqualTo(base);
        assertThat(AuditChainHash.hash(
                        event(42, AT, "anna@client.example", null, "", "Grüße, \"y\"", null), 7, PREVIOUS))
                .isNotEqualTo(base);
        assertThat(AuditChainHash.hash(
                        event(42, AT, "anna@client.example", null, "", "Grüße, \"x\"", "new"), 7, PREVIOUS))
                .isNotEqualTo(base);
    }

    @Test
    void timeIsHashedInMicrosecondsAsPostgresqlStoresIt() {
        AuditEvent finer = event(42, AT.plusNanos(999), "anna@client.example", null, "", "Grüße, \"x\"", null);

        assertThat(AuditChainHash.hash(finer, 7, PREVIOUS)).isEqualTo(AuditChainHash.hash(EVENT, 7, PREVIOUS));
        assertThat(AuditChainHash.micros(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo(-1);
    }
}

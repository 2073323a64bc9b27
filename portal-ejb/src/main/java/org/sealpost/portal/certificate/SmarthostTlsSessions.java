package org.sealpost.portal.certificate;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The owner of table {@code smarthost_tls_session}: the TLS of the last delivery, one row. */
public final class SmarthostTlsSessions {

    /** What the last handshake with the smarthost agreed on. */
    public record SessionSeen(String protocol, String cipherSuite, String peerSubject, Instant at) {}

    private final EntityManager em;

    public SmarthostTlsSessions(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Overwrites the one row; whichever node delivered last wins, as it should. */
    public void record(SessionSeen seen) {
        em.createNativeQuery("""
                INSERT INTO smarthost_tls_session (id, protocol, cipher_suite, peer_subject, observed_at)
                VALUES (1, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET protocol = EXCLUDED.protocol, cipher_suite = EXCLUDED.cipher_suite,
                    peer_subject = EXCLUDED.peer_subject, observed_at = EXCLUDED.observed_at
                WHERE smarthost_tls_session.observed_at <= EXCLUDED.observed_at""")
                .setParameter(1, seen.protocol())
                .setParameter(2, seen.cipherSuite())
                .setParameter(3, seen.peerSubject())
                .setParameter(4, seen.at().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    public Optional<SessionSeen> last() {
        List<?> rows = em.createNativeQuery(
                        "SELECT protocol, cipher_suite, peer_subject, observed_at FROM smarthost_tls_session WHERE id = 1")
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            Object at = columns[3];
            Instant when = at instanceof OffsetDateTime odt
                    ? odt.toInstant()
                    : at instanceof java.sql.Timestamp ts ? ts.toInstant() : Instant.parse(at.toString());
            return new SessionSeen((String) columns[0], (String) columns[1], (String) columns[2], when);
        });
    }
}

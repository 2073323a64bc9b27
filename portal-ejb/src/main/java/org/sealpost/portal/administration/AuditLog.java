package org.sealpost.portal.administration;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditCsv;
import org.sealpost.portal.audit.AuditEvent;
import org.sealpost.portal.audit.AuditFilter;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.audit.AuditUnavailableException;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * The audit log as an administrator reads it: filtered, a page at a time, and exported as CSV.
 * Reads go through {@link AuditTrail}, the table's owner; nothing here holds more than a page
 * (or an export batch) of events.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AuditLog {

    /** Rows counted for the paginator at most; beyond, the page asks for a narrower filter. */
    public static final long COUNT_CAP = 10_000;

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AccountDirectory accounts;

    /**
     * The filter for what an administrator typed. {@code account} is an address (case-folded;
     * matches what the account did and what was done to it) or another actor as the log names
     * it ({@code system}, {@code mail-bridge}, {@code operator:root}); blank for all. {@code
     * warmUp} includes the portal's own start-up warm-up (ADR 0039).
     *
     * @throws IllegalArgumentException when the time range ends before it starts
     */
    public AuditFilter filter(String account, AuditAction kind, Instant from, Instant until, boolean warmUp) {
        String actor = account == null || account.isBlank() ? null : account.trim();
        Long accountId = null;
        if (actor != null && actor.indexOf('@') > 0) {
            EmailAddress address;
            try {
                address = EmailAddress.of(actor);
            } catch (IllegalArgumentException notAnAddress) {
                return new AuditFilter(actor, null, kind, from, until, warmUp);
            }
            actor = address.value();
            accountId = accounts.find(address).map(Account::id).orElse(null);
        }
        return new AuditFilter(actor, accountId, kind, from, until, warmUp);
    }

    public List<AuditEvent> page(AuditFilter filter, int first, int size) {
        try (Connection c = dataSource.getConnection()) {
            return AuditTrail.page(c, filter, first, size);
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be read now", e);
        }
    }

    /** How many events match, up to {@link #COUNT_CAP} + 1 ("more than the cap"). */
    public long count(AuditFilter filter) {
        try (Connection c = dataSource.getConnection()) {
            return AuditTrail.count(c, filter, COUNT_CAP);
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be read now", e);
        }
    }

    /**
     * Writes every event {@code filter} selects as CSV ({@link AuditCsv}) to {@code out}, newest
     * first, a batch at a time, and records the export itself (who, which filter, how many).
     */
    public long export(AuditFilter filter, OutputStream out, String actor, String clientAddress) {
        try (Connection c = dataSource.getConnection()) {
            return AuditCsv.export(c, filter, out, actor, clientAddress, Instant.now());
        } catch (SQLException e) {
            throw new AuditUnavailableException("the audit log cannot be read now", e);
        }
    }
}

package org.sealpost.portal.administration;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sealpost.portal.platform.SealpostDataSource;

/** The outbound queue as an administrator sees it: what has not gone out, and why. */
@Stateless
@RolesAllowed("ADMIN")
public class OutboundQueueReport {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    /** Given-up mail first, then mail that failed at least once, newest first; at most {@code limit}. */
    public List<UndeliveredMail> undelivered(int limit) throws SQLException {
        List<UndeliveredMail> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, kind, recipient, state, attempts, created_at, next_attempt_at, last_error FROM outbound_mail
                WHERE state = 'FAILED' OR (state = 'QUEUED' AND attempts > 0)
                ORDER BY state = 'FAILED' DESC, created_at DESC LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new UndeliveredMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                }
            }
        }
        return rows;
    }
}

package org.sealpost.portal.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sealpost.portal.PortalJpa;

/** Account rows for the tests of the account flows, inserted as the migrations define them. */
final class TestAccounts {

    private TestAccounts() {}

    /** @return the new account's id */
    static long insert(PortalJpa db, String email, String role, String state, String passwordHash) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO account (email, role, state, password_hash) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, email);
            ps.setString(2, role);
            ps.setString(3, state);
            ps.setString(4, passwordHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

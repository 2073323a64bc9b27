package org.sealpost.portal.message;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * Reads an account's folders, through {@link StoredMessages}: a page with its metadata opened in
 * one query, the folder's size, the unread count.
 *
 * <p>A CDI bean, not an EJB: it only reads, one statement at a time, so it needs no container
 * transaction, and Payara's EJB proxy builds (and throws away) an exception with a deep stack
 * trace on every call from CDI — three calls per inbox page, measured with JFR under the inbox
 * benchmark (docs/BENCHMARKS.md).
 *
 * <p>The page is JDBC, the counts JPQL, each the faster where measured (ADR 0003); a count reads
 * on an entity manager of its own, closed after it: no transaction to join, no entity kept.
 */
@ApplicationScoped
public class Mailbox {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @PersistenceUnit(unitName = "sealpost")
    private EntityManagerFactory emf;

    @Inject
    private MessageSealer sealer;

    /** For the container, which injects the fields. */
    public Mailbox() {}

    /** For tests against a plain database. */
    Mailbox(DataSource dataSource, EntityManagerFactory emf, MessageSealer sealer) {
        this.dataSource = dataSource;
        this.emf = emf;
        this.sealer = sealer;
    }

    /** One page of a folder, newest first. */
    public List<MailboxLine> folder(long accountId, Folder folder, int first, int max) {
        try (Connection c = dataSource.getConnection()) {
            return StoredMessages.folderPage(c, sealer, accountId, folder, first, max).stream()
                    .map(e -> new MailboxLine(
                            e.entryId(),
                            e.sender(),
                            e.subject(),
                            e.receivedAt(),
                            e.read(),
                            e.hasAttachments(),
                            e.sizeBytes()))
                    .toList();
        } catch (SealBrokenException e) {
            // Not the database's fault, and not passing: a damaged row or a retired key.
            throw new IllegalStateException("message " + e.messageId() + " cannot be decrypted: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StorageUnavailableException("the folder cannot be read now", e);
        }
    }

    public long count(long accountId, Folder folder) {
        return counted(em -> StoredMessages.count(em, accountId, folder));
    }

    public long unreadInInbox(long accountId) {
        return counted(em -> StoredMessages.unreadInInbox(em, accountId));
    }

    private long counted(ToLongFunction<EntityManager> count) {
        EntityManager em = null;
        try {
            em = emf.createEntityManager();
            return count.applyAsLong(em);
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the folder cannot be counted now", e);
        } finally {
            // Not AutoCloseable before JPA 3.2; null when the database could not be reached.
            if (em != null) {
                em.close();
            }
        }
    }
}

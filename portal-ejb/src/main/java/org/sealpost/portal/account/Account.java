package org.sealpost.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A person who reads secure messages in the portal, or administers it. */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.byEmail", query = "SELECT a FROM Account a WHERE a.email = :email")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountState state;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Version
    private int version;

    protected Account() {
        // for JPA
    }

    private Account(EmailAddress email, Role role, AccountState state) {
        this.email = email.value();
        this.role = role;
        this.state = state;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The account mail for a new address creates: it waits for its owner to register. */
    public static Account pendingRecipient(EmailAddress email) {
        return new Account(email, Role.RECIPIENT, AccountState.PENDING);
    }

    public Long id() {
        return id;
    }

    public EmailAddress email() {
        return EmailAddress.of(email);
    }

    public Role role() {
        return role;
    }

    public AccountState state() {
        return state;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean awaitsRegistration() {
        return state == AccountState.PENDING;
    }
}

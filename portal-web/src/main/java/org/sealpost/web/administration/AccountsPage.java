package org.sealpost.web.administration;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.sealpost.portal.account.AccountMailQueue;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.administration.AccountAdministrationService;
import org.sealpost.portal.administration.AccountList;
import org.sealpost.portal.administration.AccountSummary;
import org.sealpost.portal.administration.AdministrationRefusedException;
import org.sealpost.web.security.SignedInSession;

/**
 * admin/accounts.xhtml: accounts found by a part of their address, a page at a time, with
 * what an administrator does to one. Deleting asks the administrator to type the address.
 */
@Named
@ViewScoped
public class AccountsPage extends PagedConsoleList<AccountList> {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 25;

    @Inject
    private AccountAdministrationService accounts;

    @Inject
    private SignedInSession session;

    private String query = "";
    /** The account whose deletion waits for the typed address; null when none. */
    private AccountSummary deleting;

    private String confirmation = "";

    @Override
    AccountList fetch(int page) throws AdministrationRefusedException {
        return accounts.search(query, page, PAGE_SIZE);
    }

    public String search() {
        deleting = null;
        firstPage();
        return null;
    }

    public String unlock(AccountSummary a) {
        Console.call(() -> {
                    accounts.unlock(a.id(), Console.client());
                    return true;
                })
                .ifPresent(done -> Console.info("admin.accounts.unlocked", a.email()));
        refresh();
        return null;
    }

    public String disable(AccountSummary a) {
        Console.call(() -> {
                    accounts.disable(a.id(), Console.client());
                    return true;
                })
                .ifPresent(done -> Console.info("admin.accounts.disabled", a.email()));
        refresh();
        return null;
    }

    public String enable(AccountSummary a) {
        Console.call(() -> {
                    accounts.enable(a.id(), Console.client());
                    return true;
                })
                .ifPresent(done -> Console.info("admin.accounts.enabled", a.email()));
        refresh();
        return null;
    }

    public String sendLink(AccountSummary a) {
        Console.call(() -> accounts.sendLink(a.id(), Console.client()))
                .ifPresent(outcome -> Console.info(
                        outcome == AccountMailQueue.LinkRequest.QUEUED
                                ? (a.pending() ? "admin.accounts.registrationLinkSent" : "admin.accounts.resetLinkSent")
                                : "admin.accounts.linkAlreadyWaiting",
                        a.email()));
        refresh();
        return null;
    }

    public String endSessions(AccountSummary a) {
        Console.call(() -> {
                    accounts.endAllSessions(a.id(), Console.client());
                    return true;
                })
                .ifPresent(done -> Console.info("admin.accounts.sessionsEnded", a.email()));
        refresh();
        return null;
    }

    /** Shows the confirmation for deleting {@code a}: the address must be typed. */
    public String askToDelete(AccountSummary a) {
        deleting = a;
        confirmation = "";
        return null;
    }

    public String cancelDelete() {
        deleting = null;
        return null;
    }

    public String delete() {
        if (deleting == null) {
            return null;
        }
        AccountSummary a = deleting;
        Console.call(() -> accounts.delete(a.id(), confirmation, Console.client()))
                .ifPresent(entries -> {
                    Console.info("admin.accounts.deleted", a.email(), entries);
                    deleting = null;
                });
        confirmation = "";
        refresh();
        return null;
    }

    /** The signed-in administrator's own account: not to be disabled or deleted (the server refuses it too). */
    public boolean isSelf(AccountSummary a) {
        try {
            return session.email() != null
                    && EmailAddress.of(session.email()).value().equals(a.email());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query;
    }

    public AccountSummary getDeleting() {
        return deleting;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}

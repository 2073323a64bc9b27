package org.sealpost.portal.administration;

import java.util.List;

/** One page of an account search, and how many accounts match in all. */
public record AccountList(List<AccountSummary> accounts, long total, int page, int pageSize) implements ListPage {

    public AccountList {
        accounts = List.copyOf(accounts);
    }
}

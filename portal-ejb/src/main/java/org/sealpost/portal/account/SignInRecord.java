package org.sealpost.portal.account;

import java.time.Instant;

/** One sign-in attempt as the account's owner sees it on their account page. */
public record SignInRecord(Instant at, String clientAddress, boolean succeeded) {
}

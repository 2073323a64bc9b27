package org.sealpost.portal.audit;

import java.time.Instant;

/**
 * The last verification of the audit chain, as the overview and audit pages show it.
 *
 * @param by      who ran it (an administrator's address, {@code operator:<user>})
 * @param summary the verdict in one English sentence ({@link ChainVerdict#describe()})
 */
public record ChainCheck(Instant at, String by, boolean intact, String summary) {}

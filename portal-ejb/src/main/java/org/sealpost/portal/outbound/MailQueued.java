package org.sealpost.portal.outbound;

/**
 * A CDI event: the current transaction queued outbound mail. Fired inside the transaction;
 * {@link OutboundWorker} acts on it after the commit.
 *
 * @param rows how many rows were queued
 */
public record MailQueued(int rows) {}

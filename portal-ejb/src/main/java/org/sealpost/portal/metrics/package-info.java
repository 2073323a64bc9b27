/**
 * What an operator alerts on, in Prometheus' text format at {@code /metrics} on a listener of
 * its own (the counters themselves are in {@link org.sealpost.portal.meters}) ({@code SEALPOST_METRICS_ADDRESS}, off by default, never the portal's public one):
 * messages the bridge accepted and refused by reply code, intake latency, deliveries and
 * failures, sign-ins and refusals (per node, counted where they happen), and what every node
 * shares — outbound queue depth and oldest age by kind, search index lag, signed-in sessions —
 * read from the database at scrape time, plus the bridge certificate's days left.
 */
package org.sealpost.portal.metrics;

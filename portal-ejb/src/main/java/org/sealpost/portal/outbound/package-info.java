/**
 * Mail the portal sends: notifications to recipients (and, later, mail recipients write to
 * internal addresses), delivered from a durable queue to the organisation's smarthost.
 *
 * <p>TLS is required on every delivery: the smarthost must offer STARTTLS (RFC 3207), the
 * handshake must succeed with TLS 1.2 or 1.3, and its certificate must verify against the
 * configured trust store with the host name checked (RFC 6125). Anything less defers the mail
 * with the reason kept; the portal never falls back to plain text, because a notification
 * carries a one-time registration link. The reason kept is the smarthost's or the TLS layer's
 * own words, or, where the portal itself stopped the mail, a {@link
 * org.sealpost.portal.outbound.PortalFailure} code that the administrator's page translates.
 *
 * <p>Rows are claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so several portal nodes
 * share one queue and never send the same mail twice.
 *
 * <p>A pass ({@link org.sealpost.portal.outbound.OutboundWorker}, one at a time per node) keeps
 * one SMTP session for all its mail (RFC 5321 §3.3), while every recipient still gets a
 * transaction of its own ({@link org.sealpost.portal.outbound.OutboundDelivery}): setting up a
 * TLS session cost many times what a mail on it costs (docs/BENCHMARKS.md, "Writing").
 *
 * <p>What a mail says is not decided here: the queue names a {@link
 * org.sealpost.portal.outbound.MailComposer}, which package notification implements. {@link
 * org.sealpost.portal.outbound.OutboundQueue} owns table {@code outbound_mail}; an
 * administrator's change to a row goes through the {@link
 * org.sealpost.portal.outbound.OutboundMail} entity, the delivery's own statements stay SQL
 * (ADR 0003).
 */
package org.sealpost.portal.outbound;

/**
 * The audit trail: who did what to which account, message or setting, when, and from which
 * client address, and for changes made in the admin console the old and the new value (secrets
 * masked). {@link org.sealpost.portal.audit.AuditTrail} records events in the caller's
 * transaction and owns every statement about {@code audit_event}. The trail is tamper-evident
 * (ADR 0014): {@link org.sealpost.portal.audit.AuditChainWorker} links committed events into a
 * SHA-256 hash chain ({@link org.sealpost.portal.audit.AuditChainHash},
 * {@link org.sealpost.portal.audit.AuditChainLinker}) within about a second, and
 * {@link org.sealpost.portal.audit.AuditChainVerifier} names the first event changed, inserted or
 * removed since, for the admin page's button ({@link org.sealpost.portal.audit.AuditChain}) and
 * {@code ./sealpost audit verify} ({@link org.sealpost.portal.audit.AuditCommand}).
 */
package org.sealpost.portal.audit;

/**
 * What the administrators of a portal see and set. For now: who the administrators are
 * (named in configuration, invited by mail to register like any recipient) and the outbound
 * queue's undelivered mail, with the reason of its last failure; the audit log, filtered,
 * paged and exported ({@link org.sealpost.portal.administration.AuditLog}).
 */
package org.sealpost.portal.administration;

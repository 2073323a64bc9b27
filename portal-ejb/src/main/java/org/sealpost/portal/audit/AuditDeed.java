package org.sealpost.portal.audit;

/**
 * What every audit event names besides its time and its detail: who ({@code actor}) did what
 * ({@code action}) to which target ({@code targetType} and its id), from which client address.
 * One value, so that the ways of recording an event ({@link AuditEvent#recorded}, {@link
 * AuditEvent#change}) do not each spell out the same five parameters; the rule that an event
 * names who did what, and when, stays the entity's.
 */
record AuditDeed(String actor, AuditAction action, String targetType, String targetId, String clientAddress) {}

/**
 * The portal's counters (Prometheus): what the bridge answered, how long the intake took, what
 * the outbound worker did, every audit event. Depends on nothing of the portal, so any feature
 * package may count; {@link org.sealpost.portal.metrics} exposes them.
 */
package org.sealpost.portal.meters;

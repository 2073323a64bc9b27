/**
 * A second factor for signing in (issue 12, ADR 0013): a TOTP authenticator app (RFC 6238:
 * 30-second steps, HMAC-SHA-1, six digits) and ten single-use recovery codes.
 *
 * <p>Administrators must enrol one in production before they reach any page; in development
 * it is offered and may be skipped. Recipients turn it on and off for themselves on their
 * account page. The secret is sealed under the key-encryption key like a message
 * ({@link org.sealpost.portal.crypto.MessageSealer}); recovery codes are stored hashed. A code
 * is accepted within one step either side of the server's clock, never twice (the last used
 * step is claimed by one conditional UPDATE), and wrong codes count against the account's
 * lock and the client's throttle exactly as wrong passwords do.
 *
 * <p>{@link org.sealpost.portal.secondfactor.SecondFactorDesk} holds the flows as a plain
 * class over an entity manager (testable without a container, usable by operator commands);
 * {@link org.sealpost.portal.secondfactor.SecondFactorService} is its EJB for the portal;
 * {@link org.sealpost.portal.secondfactor.SecondFactors} owns the tables {@code second_factor}
 * and {@code recovery_code}.
 */
package org.sealpost.portal.secondfactor;

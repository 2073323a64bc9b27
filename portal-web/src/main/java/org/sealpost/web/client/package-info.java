/**
 * Who is on the other end of a request: the client address and whether the client's own
 * connection was HTTPS, taken from the socket, or from the forwarding headers of a proxy the
 * operator named as trusted ({@code SEALPOST_TRUSTED_PROXIES}). Every use of "the client" (the
 * sign-in throttle, the audit trail, the session list, HSTS) asks {@link ClientOrigins}.
 */
package org.sealpost.web.client;

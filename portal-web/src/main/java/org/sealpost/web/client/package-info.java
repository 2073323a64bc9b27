/**
 * Who is on the other end of a request: the client address and whether the client's own
 * connection was HTTPS. Every use of "the client" (the sign-in throttle, the audit trail, the
 * session list, HSTS) asks {@link org.sealpost.web.client.ClientOrigins}, which passes the
 * socket's peer and the request's headers to portal-ejb's {@code client} package: which
 * forwarding header to believe, from which proxies, is the domain's rule (ADR 0010).
 */
package org.sealpost.web.client;

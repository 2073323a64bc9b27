/**
 * Who is on the other end of a request (ADR 0010): the client address the portal records and
 * throttles, and whether the client's own connection was HTTPS, taken from the socket, or from
 * the forwarding header of a proxy the operator named as trusted ({@code
 * SEALPOST_TRUSTED_PROXIES}, {@code SEALPOST_FORWARDED_HEADER}).
 *
 * <p>{@link org.sealpost.portal.client.ClientAttribution} decides from the peer address and the
 * header lines the web layer passes on unread; {@link org.sealpost.portal.client.TrustedProxies}
 * walks the chain from the right (RFC 7239 §5.2, X-Forwarded-For), {@link
 * org.sealpost.portal.client.ForwardedHeader} reads the one header chosen. Networks are the
 * bridge's {@code org.sealpost.bridge.net} CIDR blocks, parsed without DNS.
 */
package org.sealpost.portal.client;

/**
 * IP address literals and CIDR blocks, parsed without DNS: public API of the bridge, because the
 * bridge (its listening address and client allow-list) and portal-ejb (which client to believe
 * behind trusted proxies, the per-client sign-in limits) both name networks, and this is the
 * lowest module that has them.
 *
 * <p>{@link org.sealpost.bridge.net.IpLiteral} refuses anything that is not a literal, so a
 * typo can never become a host name lookup; {@link org.sealpost.bridge.net.CidrBlock} refuses
 * host bits after the prefix (RFC 4632 §3.1) and matches IPv4-mapped IPv6 addresses as IPv4
 * (RFC 4291 §2.5.5.2).
 */
package org.sealpost.bridge.net;

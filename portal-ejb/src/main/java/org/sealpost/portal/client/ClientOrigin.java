package org.sealpost.portal.client;

/**
 * The client of one request: its address as the portal records and throttles it, and whether
 * its own connection (to the portal, or to the trusted proxy in front) was HTTPS.
 */
public record ClientOrigin(String address, boolean secure) {}

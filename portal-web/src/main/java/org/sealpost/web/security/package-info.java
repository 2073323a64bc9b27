/**
 * Who may see which page: Jakarta Security form authentication (custom form, our JSF login
 * page) against the portal's own identity store; session rules (renewed id at sign-in, idle
 * timeout, Secure cookie over HTTPS, sessions ended by a password change); response headers;
 * forms posted from other sites refused (the sign-in page keeps no state that would, ADR 0034).
 * A session whose second factor is still due is pending, not signed in (ADR 0013).
 */
package org.sealpost.web.security;

/**
 * Attacker-written HTML made safe for the recipient's page: the OWASP Java HTML Sanitizer with
 * an allow-list ({@link org.sealpost.mailformat.html.HtmlPolicyFactory}), remote images blocked
 * unless asked for, {@code cid:} images (RFC 2392) mapped to the portal's own URLs
 * ({@link org.sealpost.mailformat.html.RenderOptions}).
 */
package org.sealpost.mailformat.html;

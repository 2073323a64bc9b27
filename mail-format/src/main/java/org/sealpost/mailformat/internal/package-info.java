/**
 * Not API: the forgiving readers behind
 * {@link org.sealpost.mailformat.metadata.MimeMetadataExtractor} (raw header section, RFC 2047
 * text, RFC 5322 addresses and dates, RFC 2045/2231 content headers, transfer-encoded sizes).
 * Each reports what it worked around instead of throwing.
 */
package org.sealpost.mailformat.internal;


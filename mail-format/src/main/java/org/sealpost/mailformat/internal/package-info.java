/**
 * Not API: the forgiving readers the feature packages share (raw header section, RFC 2047
 * text, RFC 5322 dates, RFC 2045/2231 content headers, multipart splitting, transfer decoding).
 * The classes are public only so that {@link org.sealpost.mailformat.structure},
 * {@link org.sealpost.mailformat.metadata} and {@link org.sealpost.mailformat.view} can use them;
 * nothing outside mail-format should. Each reports what it worked around instead of throwing.
 */
package org.sealpost.mailformat.internal;

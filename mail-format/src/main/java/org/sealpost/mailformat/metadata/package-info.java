/**
 * Reading what came in: the metadata of a received message, extracted once at intake and stored
 * encrypted next to the raw MIME, so inbox lists never need to parse or even decrypt the message.
 *
 * <p>The extractor must accept what the organisation's gateway accepted. Once the gateway has
 * handed a message over, refusing it because of a damaged boundary or an odd charset would lose
 * mail, so {@link org.sealpost.mailformat.metadata.MimeMetadataExtractor} reads what it can and
 * lists the damage as {@link org.sealpost.mailformat.MimeProblem}s. Only data that is not
 * a message at all (empty, or no header field) is
 * {@link org.sealpost.mailformat.metadata.MimeReading.Unreadable}; the caller refuses it with a 5xx.
 * The raw bytes are stored unchanged either way, so a better reader can re-extract later.
 *
 * <p>Header text is decoded the way lenient mail readers do:
 * <ul>
 * <li>raw 8-bit header bytes are UTF-8 when they are valid UTF-8, as RFC 6532 allows, and otherwise
 * ISO-8859-1 (the commonest legacy case; every byte sequence decodes);</li>
 * <li>RFC 2047 encoded words are decoded wherever they appear, adjacent words in the same
 * charset are joined before decoding (a character split across two words survives), unknown
 * charsets fall back to UTF-8 or ISO-8859-1;</li>
 * <li>file names follow RFC 2231 (charset, percent-encoding, continuations), and RFC 2047 inside
 * parameter values, which is not allowed but what many mailers send.</li>
 * </ul>
 * Decoded values have their control characters replaced by spaces, so a subject or name cannot
 * inject a header line when it is reused (in "Re: ..." for instance).
 *
 * <p>Header fields are read from the raw bytes here rather than through Jakarta Mail, because
 * Jakarta Mail's leniency switches for header decoding are JVM-wide system properties shared with
 * everything else in the application server, and because it gives up silently. The MIME structure,
 * the body and the attachments come from the one walker the message page uses too
 * ({@link org.sealpost.mailformat.structure.MessageStructure}, with depth and part-count limits), so
 * the attachments stored here are the ones, under the names, that the page lists.
 *
 * <p>{@link org.sealpost.mailformat.metadata.MessageMetadata#encode()} is the storage form: a
 * versioned binary record (no JSON library at run time). Problem details and unreadable reasons
 * never quote message content, so they may be logged.
 */
package org.sealpost.mailformat.metadata;

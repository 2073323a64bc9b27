/**
 * Showing a received message: the decrypted raw MIME becomes a body fit for the recipient's
 * browser and a list of parts to download, through
 * {@link org.sealpost.mailformat.view.MessageRendering}.
 *
 * <p>The body and the attachments are chosen once, for this page and intake's metadata alike, by
 * {@link org.sealpost.mailformat.structure.MessageStructure} (RFC 2046, RFC 2387, RFC 2183, RFC
 * 2392); parts are numbered like IMAP body sections (RFC 3501 section 6.4.5) so the portal can
 * fetch exactly that part again later. Images the HTML body shows by {@code cid:} are served as
 * {@link org.sealpost.mailformat.view.ParsedMessage#inlineImages()}, not listed as attachments. Reading is as
 * forgiving as at intake ({@link org.sealpost.mailformat.metadata}): damaged boundaries, bad
 * base64 and unknown charsets become {@link org.sealpost.mailformat.MimeProblem}s next to
 * what could be read, because a message the gateway accepted must remain readable.
 *
 * <p>HTML bodies are attacker-controlled markup shown inside an authenticated page, so they go
 * through the OWASP Java HTML Sanitizer with an allow-list
 * ({@link org.sealpost.mailformat.html.HtmlPolicyFactory}), as the OWASP XSS Prevention Cheat
 * Sheet (rule 6) and docs/ARCHITECTURE.md's security model require: no scripts, no event handlers, no
 * script or data URLs, no frames, plug-ins, forms, SVG or MathML, and styles only from the
 * sanitizer's CSS schema. The Content-Security-Policy of the page is a second line of defence,
 * not the first. Remote images are removed by default, because fetching them tells the sender
 * that, when and from where a message was read; {@code cid:} images (RFC 2392) are served by the
 * portal itself.
 *
 * <p>Attachment names are made safe for a {@code Content-Disposition} header and a file system
 * (no path, no control or bidirectional-override characters, at most 255 characters). Problems
 * never quote message content, so they may be logged.
 */
package org.sealpost.mailformat.view;

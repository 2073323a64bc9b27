/**
 * Reading and rendering Internet mail (MIME), in plain Java: no container, no database, no
 * portal. Intake's metadata ({@link org.sealpost.mailformat.metadata}), the message page
 * ({@link org.sealpost.mailformat.view}) and the safe HTML of both
 * ({@link org.sealpost.mailformat.html}) read a message through one walker that builds one tree
 * and decides once which parts are attachments ({@link org.sealpost.mailformat.structure}).
 * {@link org.sealpost.mailformat.storage} holds what the stored binary records share (the
 * metadata's, and the portal's sealed drafts'). {@link org.sealpost.mailformat.internal} is not API: its classes are public only so that the
 * feature packages can share them.
 *
 * <p>What was wrong with a message and was worked around is a {@link org.sealpost.mailformat.MimeProblem};
 * problems never quote message content, so they may be logged. ADR 0022.
 */
package org.sealpost.mailformat;

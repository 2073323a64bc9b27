/**
 * The web half of the warm-up before readiness (ADR 0020, ADR 0027): the public pages rendered
 * over the loopback listener, as a browser that never signs in would ask for them, and the
 * inbox's table with sample rows and the message page with the sample message, on pages only
 * the running warm-up may ask for, while {@link org.sealpost.portal.account.SignInRehearsal}
 * rehearses a sign-in and {@link org.sealpost.portal.warmup.ReadingWarmUp} a signed-in
 * recipient's reading, in a transaction that is always rolled back.
 */
package org.sealpost.web.warmup;

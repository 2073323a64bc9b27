/**
 * The web half of the warm-up before readiness (ADR 0020, ADR 0027, ADR 0033): over the loopback
 * listener, the public pages as a browser that never signs in asks for them, and the inbox and
 * message pages themselves as the warm-up's reader ({@link
 * org.sealpost.portal.warmup.WarmUpReader}) reads them, signed in through the sign-in page; while
 * {@link org.sealpost.portal.account.SignInRehearsal} rehearses a sign-in and {@link
 * org.sealpost.portal.warmup.ReadingWarmUp} opens a freshly sealed message, in a transaction
 * that is always rolled back.
 */
package org.sealpost.web.warmup;

/**
 * The web half of the warm-up before readiness (ADR 0020, ADR 0027): the public pages rendered
 * over the loopback listener, as a browser that never signs in would ask for them, and the
 * inbox's table with sample rows on a page only the running warm-up may ask for, while
 * {@link org.sealpost.portal.warmup.ReadingWarmUp} runs the reading paths and
 * {@link org.sealpost.portal.account.SignInRehearsal} a sign-in that is always rolled back.
 */
package org.sealpost.web.warmup;

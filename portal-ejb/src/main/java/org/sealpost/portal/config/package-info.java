/**
 * Run-time configuration: every setting has a MicroProfile Config name such as
 * {@code sealpost.smtp.port}, settable as an environment variable
 * ({@code SEALPOST_SMTP_PORT}) or a system property, with a development default.
 *
 * <p>Production names every secret: in {@code prod} mode a missing database, keystore or
 * smarthost stops the start with one line per missing setting, rather than a portal that
 * runs on a throw-away key and loses mail on the next restart.
 */
package org.sealpost.portal.config;

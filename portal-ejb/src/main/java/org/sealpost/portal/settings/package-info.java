/**
 * Runtime settings: what an administrator changes while the portal runs — the organisation's
 * name, logo and accent colour, whether notifications may show a message's subject, the mail
 * bridge's allow-list and encrypt flag, and the outbound queue's retry interval and give-up age.
 *
 * <p>One row in {@code runtime_settings} ({@link org.sealpost.portal.settings.RuntimeSettings},
 * owned by {@link org.sealpost.portal.settings.RuntimeSettingsStore}), seeded from the
 * environment settings the first time it is read ({@link org.sealpost.portal.settings.RuntimeSettingsSeed});
 * after that the database wins, as for the portal policy. Each change names the version the
 * administrator's form was loaded with, and a form older than the row is refused
 * ({@link org.sealpost.portal.settings.SettingsChangedMeanwhileException}) rather than merged.
 * Bad input is refused whole with a {@link org.sealpost.portal.settings.SettingsProblem} naming
 * the value ({@link org.sealpost.portal.settings.SettingsRefusedException}); nothing is half-saved.
 *
 * <p>Each node keeps a copy ({@link org.sealpost.portal.settings.RuntimeSettingsCache}), read
 * again when the database signals a change; what every page shows reads it through {@link
 * org.sealpost.portal.settings.RuntimeSettingsInForce}, without a transaction while it is current.
 */
package org.sealpost.portal.settings;

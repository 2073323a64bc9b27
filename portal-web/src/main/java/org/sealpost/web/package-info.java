/**
 * The portal's web tier: JSF views and the backing beans that present what the services of
 * {@code portal-ejb} decide. Beans hold no rules; each is named for the use case it serves.
 */
package org.sealpost.web;

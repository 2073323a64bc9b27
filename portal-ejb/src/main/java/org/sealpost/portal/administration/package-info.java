/**
 * The administration console's services: the overview, the portal permissions, the accounts
 * and the mail queue, and who the administrators are (named in configuration, invited by mail
 * to register like any recipient); the audit log, filtered, paged and exported
 * ({@link org.sealpost.portal.administration.AuditLog}).
 *
 * <p>Each page's work is a plain class over an entity manager ({@link PortalOverview},
 * {@link PortalPermissions}, {@link AccountAdministration}, {@link MailQueueAdministration}),
 * tested on PostgreSQL without the container; each has a thin stateless EJB facade
 * ({@code *Service}) that holds the transaction and lets only the role ADMIN in
 * ({@code @RolesAllowed}), so a request that gets past the web's URL constraint still cannot
 * act. Every change is an audit event naming the old and the new value. A failed statement
 * reaches a facade as {@link org.sealpost.portal.platform.StorageUnavailableException}, as from
 * every table's owner, and leaves it as {@link AdministrationUnavailableException}: the console's
 * page answers 503, and no method here declares SQLException (issue 10).
 *
 * <p>{@link BridgeCertificateExpiry} and {@link AuditChainCheckStatus} are the overview's hooks
 * for facts other features own: implemented as CDI beans there, shown when present.
 */
package org.sealpost.portal.administration;

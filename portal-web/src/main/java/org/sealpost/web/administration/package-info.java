/**
 * The administration console under /admin: its pages' beans (overview, portal permissions,
 * accounts, mail queue), each named for its page. Only the role ADMIN gets in, checked twice:
 * by web.xml's constraint on /admin/* and by the services' {@code @RolesAllowed}; a refusal of
 * either is the portal's own 403 page.
 */
package org.sealpost.web.administration;

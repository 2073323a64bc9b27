package org.sealpost.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The portal's roles; authentication itself is {@link PortalAuthenticationMechanism}. */
@ApplicationScoped
@DeclareRoles({"RECIPIENT", "ADMIN"})
public class SecurityConfiguration {}

/**
 * Container tests: the portal WAR deployed on a managed Payara Micro by Arquillian, against a
 * real PostgreSQL. {@link org.sealpost.web.it.PortalDeployment} is the one deployment
 * factory; {@link org.sealpost.web.it.ContainerTestEnvironment} gives every container the
 * database and settings before Arquillian starts it.
 */
package org.sealpost.web.it;

package org.sealpost.portal.account;

public enum Role {
    RECIPIENT,
    ADMIN
}

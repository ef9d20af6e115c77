package org.huitong.security;

import org.springframework.stereotype.Component;

@Component
public class CurrentUser {
    public HubUser get() { return new HubUser("stub-admin", HubRole.ADMIN, null); }
}

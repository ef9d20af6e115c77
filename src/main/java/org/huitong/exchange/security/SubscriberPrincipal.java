package org.huitong.exchange.security;

import java.security.Principal;

/** The subscriber that a broker connection logged in as; its id, not its user name. */
record SubscriberPrincipal(String subscriberId) implements Principal {

    @Override
    public String getName() {
        return subscriberId;
    }
}

package org.huitong.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes Tomcat respond to {@code Expect: 100-continue} only when the application starts reading the
 * body. An endpoint that refuses a body by its declared length (for example a descriptor above
 * the size limit) then responds 413 before the client sends it. Tomcat's default, "immediately",
 * invites the whole body and then closes the connection on a large one, so the client never
 * sees the 413.
 */
@Component
public class ContinueOnRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}

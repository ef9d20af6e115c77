package org.huitong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Huitong hub: the embedded broker, the connector routes and the API. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class HuitongApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuitongApplication.class, args);
    }
}

package org.huitong.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.StringUtils;

class H2ObjectCacheTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(H2ObjectCache.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(H2ObjectCache.PROPERTY);
        } else {
            System.setProperty(H2ObjectCache.PROPERTY, before);
        }
    }

    @Test
    void turnsTheCacheOffWhenUnset() {
        System.clearProperty(H2ObjectCache.PROPERTY);

        new H2ObjectCache().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(H2ObjectCache.PROPERTY)).isEqualTo("false");
    }

    @Test
    void keepsAValueTheOperatorSet() {
        System.setProperty(H2ObjectCache.PROPERTY, "true");

        new H2ObjectCache().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(H2ObjectCache.PROPERTY)).isEqualTo("true");
    }

    @Test
    void isRegisteredForSpringBoot() throws Exception {
        List<String> registered = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
            registered.addAll(StringUtils.commaDelimitedListToSet(
                    factories.getProperty(EnvironmentPostProcessor.class.getName(), "")));
        }

        assertThat(registered).contains(H2ObjectCache.class.getName());
    }
}

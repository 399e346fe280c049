package io.aistats.autoconfigure.webhook;

import org.springframework.util.ClassUtils;

/**
 * Whether Spring Boot's security auto-configuration is on the test classpath: the build shows it only to
 * {@code *SecurityTests}, so that it does not secure every other web test of the module.
 */
final class BootSecurity {

    private BootSecurity() {
    }

    static boolean present() {
        return ClassUtils.isPresent("org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
                BootSecurity.class.getClassLoader());
    }
}

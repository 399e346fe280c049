package io.aistats.modulith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application with the starter's webhook receiver and Spring Modulith, configured entirely by properties and
 * auto-configuration, plus one application module listener ({@link VideoArchive}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ModulithTestApplication {

    @Bean
    VideoArchive videoArchive(@Value("${archive.failures:0}") int failures) {
        return new VideoArchive(failures);
    }
}

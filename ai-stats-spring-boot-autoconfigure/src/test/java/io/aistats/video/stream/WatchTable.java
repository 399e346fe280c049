package io.aistats.video.stream;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Creates the watch table the way the schema initializer will: the platform's script from
 * {@code io/aistats/video/jdbc}, with the {@code AISTATS_} prefix replaced.
 */
public final class WatchTable {

    private WatchTable() {
    }

    /**
     * @param dataSource the database
     * @param platform {@code postgresql}, {@code h2} or {@code mysql}
     * @param tablePrefix replaces {@code AISTATS_}
     */
    public static void create(DataSource dataSource, String platform, String tablePrefix) {
        String script;
        try {
            script = new ClassPathResource("io/aistats/video/jdbc/schema-" + platform + ".sql")
                .getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] prefixed = script.replace("AISTATS_", tablePrefix).getBytes(StandardCharsets.UTF_8);
        new ResourceDatabasePopulator(new ByteArrayResource(prefixed)).execute(dataSource);
    }
}

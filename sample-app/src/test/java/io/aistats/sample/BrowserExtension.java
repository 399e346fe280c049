package io.aistats.sample;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives each test of a class a fresh headless {@link Browser} with an empty profile, as a {@code Browser} parameter
 * (of the test or of its {@code @BeforeEach} methods), and closes it and deletes the profile after the test. The
 * class is skipped when Chromium is not installed.
 */
final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Browser.assumeInstalled();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Browser browser;
        try {
            browser = Browser.start(profile);
        }
        catch (RuntimeException ex) {
            FileSystemUtils.deleteRecursively(profile);
            throw ex;
        }
        context.getStore(NAMESPACE).put(Browser.class, new Session(browser, profile));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext.getStore(NAMESPACE).get(Browser.class, Session.class).browser();
    }

    /** A test's browser and its profile directory; closed by the test's store when the test ends. */
    private record Session(Browser browser, Path profile) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try {
                this.browser.close();
            }
            finally {
                FileSystemUtils.deleteRecursively(this.profile);
            }
        }
    }
}

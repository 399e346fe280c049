package io.aistats.video.internal.http;

/**
 * How the client names itself to the gateway ({@code X-Phaseo-Client} and {@code X-Phaseo-Client-Version}).
 */
public final class ClientIdentity {

    /** Value of {@code X-Phaseo-Client}. */
    public static final String NAME = "ai-stats-java";

    /** The starter's version from the jar manifest, or {@code dev} when running from classes. */
    public static final String VERSION = readVersion();

    /** Header naming the client. */
    public static final String CLIENT_HEADER = "X-Phaseo-Client";

    /** Header carrying the client version. */
    public static final String VERSION_HEADER = "X-Phaseo-Client-Version";

    private ClientIdentity() {
    }

    private static String readVersion() {
        Package pkg = ClientIdentity.class.getPackage();
        String version = (pkg != null) ? pkg.getImplementationVersion() : null;
        return (version == null || version.isBlank()) ? "dev" : version;
    }
}

package ru.rassylka.mail;

import jakarta.mail.util.StreamProvider;

/**
 * Jakarta Mail 2.1 looks up its {@link StreamProvider} on every encoded header word and body part,
 * through a ServiceLoader that scans every jar of the server each time (jakartaee/mail-api#861):
 * more than half of the sending engine's CPU went there. Named as a system property, the provider
 * is found by one class lookup that the JVM caches.
 */
final class StreamProviderLookup {

    /** The provider of Angus Mail, the implementation Payara ships. */
    static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private StreamProviderLookup() {}

    /** Names the provider unless it is named already or cannot be loaded here (the lookup then stays as it was). */
    static void nameTheProvider() {
        String property = StreamProvider.class.getName();
        if (System.getProperty(property) == null && loadable(ANGUS_PROVIDER)) {
            System.setProperty(property, ANGUS_PROVIDER);
        }
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

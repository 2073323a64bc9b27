package org.sealpost.portal.account.password;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raises the calling thread's nice value (Linux {@code setpriority(2)} on the thread's id: on
 * Linux the nice value belongs to each thread, not to the process). Any user may raise it; only a
 * privileged one may lower it again, which is why it is used on threads made for the purpose.
 * Elsewhere (another system, no C library through JNA) it does nothing and says so once.
 */
final class ThreadNiceness {

    /** The highest nice value Linux accepts (the lowest priority). */
    static final int MOST = 19;

    private static final Logger LOG = Logger.getLogger(ThreadNiceness.class.getName());

    /** {@code PRIO_PROCESS}: with a thread id, that one thread (setpriority(2), NOTES). */
    private static final int PRIO_PROCESS = 0;

    private static volatile boolean warned;

    private ThreadNiceness() {}

    /** The C library's calls used here; {@code gettid} since glibc 2.30. */
    interface CLibrary extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    /** Loaded on first use, so a portal that never lowers a priority never loads it. */
    private static final class Holder {
        static final CLibrary C = load();

        private static CLibrary load() {
            if (!Platform.isLinux()) {
                return null;
            }
            try {
                return Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);
            } catch (LinkageError e) {
                LOG.log(Level.FINE, "no C library through JNA", e);
                return null;
            }
        }
    }

    /**
     * Sets this thread's nice value to {@code niceness} (0 leaves it alone).
     *
     * @return whether it was set
     */
    static boolean raiseThisThreads(int niceness) {
        if (niceness == 0) {
            return true;
        }
        try {
            CLibrary c = Holder.C;
            if (c != null && c.setpriority(PRIO_PROCESS, c.gettid(), niceness) == 0) {
                return true;
            }
        } catch (LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "setpriority failed", e);
        }
        if (!warned) {
            warned = true;
            LOG.warning(() -> "password hashes run at the pages' priority: this system does not let a thread's"
                    + " nice value be raised to " + niceness + " (Linux setpriority through JNA)");
        }
        return false;
    }

    /** This thread's nice value as the system reports it; for tests. Empty where unknown. */
    static OptionalInt ofThisThread() {
        try {
            CLibrary c = Holder.C;
            return c == null ? OptionalInt.empty() : OptionalInt.of(c.getpriority(PRIO_PROCESS, c.gettid()));
        } catch (LinkageError | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}

package ru.rassylka.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * The sockets of SMTP sessions, whose writes end after a timeout: a socket whose write has not
 * finished in time (the server stopped reading) is closed, and the write fails. Jakarta Mail's own
 * write timeout ({@code mail.smtp.writetimeout}) starts a thread for every connection and hands it
 * a task at every write, which wakes it: two thread switches per SMTP command, several per e-mail.
 * Here a write only notes when it began, and one watcher for all sockets, which runs while any is
 * open, closes those whose write is older than the timeout.
 */
final class WriteTimeoutSockets extends SocketFactory {

    private static final Set<TimedSocket> OPEN = ConcurrentHashMap.newKeySet();
    private static final long LONGEST_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SHORTEST_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static Thread watcher;

    private final int timeoutMillis;

    private WriteTimeoutSockets(int timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("A write timeout must be positive: " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
    }

    /** Sockets whose writes end after {@code timeoutMillis}. */
    static WriteTimeoutSockets of(int timeoutMillis) {
        return new WriteTimeoutSockets(timeoutMillis);
    }

    int timeoutMillis() {
        return timeoutMillis;
    }

    /** An unconnected socket, as Jakarta Mail asks for it (it connects it with its connect timeout). */
    @Override
    public Socket createSocket() {
        return new TimedSocket(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null, 0);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), localAddress, localPort);
    }

    private Socket connected(InetSocketAddress to, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = createSocket();
        try {
            if (localAddress != null || localPort != 0) {
                socket.bind(new InetSocketAddress(localAddress, localPort));
            }
            socket.connect(to);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static void watch(TimedSocket socket) {
        OPEN.add(socket);
        synchronized (WriteTimeoutSockets.class) {
            if (watcher == null) {
                watcher = new Thread(WriteTimeoutSockets::closeStalled, "smtp-write-timeouts");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    /** Every so often (a quarter of the shortest timeout, at most a second), closes the sockets whose write is late. */
    private static void closeStalled() {
        while (true) {
            long check = LONGEST_CHECK_NANOS;
            synchronized (WriteTimeoutSockets.class) {
                if (OPEN.isEmpty()) {
                    watcher = null;
                    return;
                }
            }
            long now = System.nanoTime();
            for (TimedSocket socket : OPEN) {
                if (socket.isClosed()) {
                    OPEN.remove(socket);
                } else if (socket.writeLate(now)) {
                    socket.closeQuietly();
                }
                check = Math.min(check, Math.max(SHORTEST_CHECK_NANOS, socket.timeoutNanos / 4));
            }
            try {
                TimeUnit.NANOSECONDS.sleep(check);
            } catch (InterruptedException e) {
                synchronized (WriteTimeoutSockets.class) {
                    watcher = null;
                }
                return;
            }
        }
    }

    /** A socket that notes when its write in progress began; watched from its connection until it is closed. */
    private static final class TimedSocket extends Socket {

        private final long timeoutNanos;
        /** {@link System#nanoTime} when the write in progress began; 0 while none is. */
        private volatile long writingSince;

        private OutputStream output;

        TimedSocket(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            watch(this);
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new TimedOutput(super.getOutputStream());
            }
            return output;
        }

        @Override
        public synchronized void close() throws IOException {
            try {
                super.close();
            } finally {
                OPEN.remove(this);
            }
        }

        boolean writeLate(long now) {
            long since = writingSince;
            return since != 0 && now - since > timeoutNanos;
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                // the blocked write fails either way
            }
        }

        private final class TimedOutput extends FilterOutputStream {

            TimedOutput(OutputStream socketOutput) {
                super(socketOutput);
            }

            @Override
            public void write(int b) throws IOException {
                writingSince = begun();
                try {
                    out.write(b);
                } finally {
                    writingSince = 0;
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writingSince = begun();
                try {
                    out.write(bytes, offset, length);
                } finally {
                    writingSince = 0;
                }
            }

            private long begun() {
                long now = System.nanoTime();
                return now == 0 ? 1 : now;
            }
        }
    }
}

package ru.rassylka.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriteTimeoutSocketsTest {

    @Test
    void aWriteToAServerThatStopsReadingFailsAndClosesTheSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = WriteTimeoutSockets.of(200).createSocket()) {
            socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()));
            try (Socket accepted = server.accept()) {
                OutputStream output = socket.getOutputStream();
                byte[] chunk = new byte[64 * 1024];
                // the server reads nothing: the buffers fill, a write blocks and is cut
                assertThrows(IOException.class, () -> {
                    while (true) {
                        output.write(chunk);
                    }
                });
                assertTrue(socket.isClosed());
            }
        }
    }

    @Test
    void writesThatTheServerReadsGoThroughWhateverTheirNumber() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket =
                        WriteTimeoutSockets.of(200).createSocket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            OutputStream output = socket.getOutputStream();
            InputStream input = accepted.getInputStream();
            for (int i = 0; i < 1_000; i++) {
                byte[] line = ("line " + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
                output.write(line);
                assertArrayEquals(line, input.readNBytes(line.length));
            }
            assertTrue(!socket.isClosed());
        }
    }
}

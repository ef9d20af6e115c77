package org.huitong.subscriptions.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A STOMP 1.2 client for tests: Spring's STOMP frame codec ({@code spring-messaging}) over a plain
 * socket, as a subscriber without a STOMP library of its own would connect.
 */
final class StompTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StompEncoder encoder = new StompEncoder();
    private final StompDecoder decoder = new StompDecoder();

    private StompTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects and logs in; returns the client and the broker's CONNECTED or ERROR frame. */
    static StompTestClient connect(int port, String login, String passcode) throws IOException {
        StompTestClient client = new StompTestClient(new Socket("127.0.0.1", port));
        StompHeaderAccessor connect = StompHeaderAccessor.create(StompCommand.CONNECT);
        connect.setAcceptVersion("1.2");
        connect.setHost("127.0.0.1");
        connect.setLogin(login);
        connect.setPasscode(passcode);
        client.send(connect, new byte[0]);
        return client;
    }

    void subscribe(String destination, String id) throws IOException {
        StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        subscribe.setDestination(destination);
        subscribe.setSubscriptionId(id);
        subscribe.setNativeHeader("ack", "client-individual");
        subscribe.setReceipt("subscribed-" + id);
        send(subscribe, new byte[0]);
    }

    void ack(Message<byte[]> message) throws IOException {
        StompHeaderAccessor ack = StompHeaderAccessor.create(StompCommand.ACK);
        ack.setNativeHeader("id", StompHeaderAccessor.wrap(message).getFirstNativeHeader("ack"));
        send(ack, new byte[0]);
    }

    /** Returns the next frame, or null when none arrives within {@code timeoutMillis}. */
    Message<byte[]> receive(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try {
            int next;
            while ((next = in.read()) != 0) {
                if (next < 0) {
                    return null;
                }
                frame.write(next);
            }
        } catch (SocketTimeoutException e) {
            return null;
        }
        frame.write(0);
        List<Message<byte[]>> decoded = decoder.decode(ByteBuffer.wrap(frame.toByteArray()));
        return decoded.isEmpty() ? null : decoded.get(0);
    }

    /**
     * Acknowledges and returns the bodies of the MESSAGE frames that arrive, waiting up to
     * {@code firstWaitMillis} for the first and one second for each further frame. Any other
     * frame must be a RECEIPT.
     */
    List<String> receiveBodies(int firstWaitMillis) throws IOException {
        List<String> bodies = new ArrayList<>();
        Message<byte[]> frame = receive(firstWaitMillis);
        while (frame != null) {
            if (command(frame) == StompCommand.MESSAGE) {
                bodies.add(body(frame));
                ack(frame);
            } else if (command(frame) != StompCommand.RECEIPT) {
                throw new AssertionError("Unexpected STOMP frame " + command(frame) + ": " + body(frame));
            }
            frame = receive(1_000);
        }
        return bodies;
    }

    static StompCommand command(Message<byte[]> frame) {
        return StompHeaderAccessor.wrap(frame).getCommand();
    }

    static String body(Message<byte[]> frame) {
        return new String(frame.getPayload(), StandardCharsets.UTF_8);
    }

    private void send(StompHeaderAccessor headers, byte[] body) throws IOException {
        headers.setLeaveMutable(true);
        out.write(encoder.encode(MessageBuilder.createMessage(body, headers.getMessageHeaders())));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

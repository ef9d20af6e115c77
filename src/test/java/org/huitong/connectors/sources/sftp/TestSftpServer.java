package org.huitong.connectors.sources.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.huitong.testsupport.HubTestEnvironment;

/**
 * An SFTP server for tests (Apache MINA SSHD) on 127.0.0.1, serving a local folder as its root.
 * Its host key is generated once, so a restart on the same port presents the same key. It
 * accepts one user with a password or with the public key of {@link #clientPrivateKey()}.
 */
final class TestSftpServer implements AutoCloseable {

    static final String USER = "dept-upload";
    static final String PASSWORD = "s3cret+pa%ss";

    /** A user with the same password that may list and read files but not change anything. */
    static final String READ_ONLY_USER = "dept-read";

    private final Path root;
    private final int port;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private SshServer server;

    private TestSftpServer(Path root) {
        this.root = root;
        this.port = HubTestEnvironment.freePort();
        this.hostKey = ecKeyPair();
        this.clientKey = ecKeyPair();
    }

    /** Starts a server for the folder {@code root}. */
    static TestSftpServer start(Path root) {
        TestSftpServer server = new TestSftpServer(root);
        server.start();
        return server;
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same host key. */
    void start() {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPasswordAuthenticator((user, password, session) ->
                (USER.equals(user) || READ_ONLY_USER.equals(user)) && PASSWORD.equals(password));
        sshd.setPublickeyAuthenticator((user, key, session) ->
                USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.setFileSystemAccessor(new ReadOnlyForUser(READ_ONLY_USER));
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test SFTP server on port " + port, e);
        }
        server = sshd;
    }

    /** Stops the server and closes every open session at once. */
    void stop() throws IOException {
        server.stop(true);
    }

    int port() {
        return port;
    }

    Path root() {
        return root;
    }

    /** Returns the host key line in known_hosts format, {@code [127.0.0.1]:port type key}. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** Returns a known_hosts line for this address with another key, as after a key change or an interception. */
    String knownHostsLineWithOtherKey() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(ecKeyPair().getPublic());
    }

    /** Returns the private key that the server accepts for {@link #USER}, in OpenSSH format. */
    String clientPrivateKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(clientKey, "huitong-test", null, out);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the test client key", e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Uploads {@code file} into {@code folder} as a department should: written under a .part
     * name, then renamed.
     */
    Path upload(Path file, String folder, String name) throws IOException {
        Path directory = Files.createDirectories(root.resolve(folder));
        Path part = Files.copy(file, directory.resolve(name + ".part"));
        return Files.move(part, directory.resolve(name));
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stop();
        }
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot generate EC keys", e);
        }
    }

    /** Rejects every change to the file system by one user, as a server gives a read-only login. */
    private static final class ReadOnlyForUser implements SftpFileSystemAccessor {

        private final String user;

        ReadOnlyForUser(String user) {
            this.user = user;
        }

        @Override
        public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle handle, Path file, String id,
                                            Set<? extends OpenOption> options, FileAttribute<?>... attributes)
                throws IOException {
            boolean writes = options.stream().anyMatch(option -> option != StandardOpenOption.READ);
            if (writes) {
                rejectIfReadOnly(subsystem, file);
            }
            return SftpFileSystemAccessor.super.openFile(subsystem, handle, file, id, options, attributes);
        }

        @Override
        public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
            rejectIfReadOnly(subsystem, path);
            SftpFileSystemAccessor.super.createDirectory(subsystem, path);
        }

        @Override
        public void renameFile(SftpSubsystemProxy subsystem, Path from, Path to, Collection<CopyOption> options)
                throws IOException {
            rejectIfReadOnly(subsystem, from);
            SftpFileSystemAccessor.super.renameFile(subsystem, from, to, options);
        }

        @Override
        public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
            rejectIfReadOnly(subsystem, path);
            SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
        }

        private void rejectIfReadOnly(SftpSubsystemProxy subsystem, Path path) throws AccessDeniedException {
            if (user.equals(subsystem.getServerSession().getUsername())) {
                throw new AccessDeniedException(path.toString(), null, "read-only login");
            }
        }
    }
}

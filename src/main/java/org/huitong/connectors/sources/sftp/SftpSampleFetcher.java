package org.huitong.connectors.sources.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.ConnectorSecrets;
import org.huitong.connectors.templates.SourceTemplates;
import org.springframework.stereotype.Component;

/**
 * Downloads the file that the next poll of an {@code sftp-poll} connector would read first, for a
 * dry run. It applies the route's rules: strict host key checking against {@code knownHosts},
 * the same excluded names, the done-file protocol when set, oldest file first. It reads only and
 * never moves or deletes anything on the server.
 */
@Component
public class SftpSampleFetcher {

    /** The largest sample fetched, the same as the default upload limit (spring.servlet.multipart.max-file-size). */
    static final long MAX_SAMPLE_BYTES = 20L * 1024 * 1024;

    /** Names the route never reads, as in the {@code exclude} option of {@code routes/sftp-poll.yaml}. */
    private static final Pattern EXCLUDED = Pattern.compile("^(\\..*|.*\\.(tmp|part|partial|done))$");

    private final ConnectorSecrets secrets;
    private final SourceTemplates templates;

    public SftpSampleFetcher(ConnectorSecrets secrets, SourceTemplates templates) {
        this.secrets = secrets;
        this.templates = templates;
    }

    /**
     * Downloads the first file the connector would read into {@code directory}.
     *
     * @return the downloaded file, under its remote name
     * @throws SftpSampleException if the server cannot be reached or read, or has no complete file
     */
    public Path fetch(ConnectorDescriptor descriptor, Path directory) throws SftpSampleException {
        Map<String, String> parameters = new LinkedHashMap<>(
                templates.find(SftpPollSource.TEMPLATE).orElseThrow().defaults());
        parameters.putAll(secrets.resolved(descriptor));
        int timeout = Integer.parseInt(parameters.get("connectTimeoutMs"));
        Session session = null;
        try {
            session = session(parameters, timeout);
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(timeout);
            String folder = parameters.get("directory").isEmpty() ? "." : parameters.get("directory");
            ChannelSftp.LsEntry first = firstComplete(channel.ls(folder),
                    "true".equals(parameters.get("doneFile")));
            if (first.getAttrs().getSize() > MAX_SAMPLE_BYTES) {
                throw new SftpSampleException("sftp.sample.too-large", first.getFilename(),
                        String.valueOf(MAX_SAMPLE_BYTES / (1024 * 1024)));
            }
            Path file = directory.resolve(first.getFilename());
            try (OutputStream out = Files.newOutputStream(file)) {
                channel.get(folder + "/" + first.getFilename(), out);
            }
            return file;
        } catch (JSchException | SftpException | IOException e) {
            throw new SftpSampleException("sftp.sample.failed", String.valueOf(
                    SftpFailures.explain(e).getMessage()));
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private static Session session(Map<String, String> parameters, int timeout) throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(new ByteArrayInputStream(parameters.get("knownHosts").getBytes(StandardCharsets.US_ASCII)));
        String privateKey = parameters.get("privateKey");
        if (privateKey != null) {
            String passphrase = parameters.get("privateKeyPassphrase");
            jsch.addIdentity("connector", privateKey.getBytes(StandardCharsets.US_ASCII), null,
                    passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8));
        }
        Session session = jsch.getSession(parameters.get("username"), parameters.get("host"),
                Integer.parseInt(parameters.get("port")));
        session.setConfig("StrictHostKeyChecking", "yes");
        if (parameters.get("password") != null) {
            session.setPassword(parameters.get("password"));
        }
        session.connect(timeout);
        return session;
    }

    private static ChannelSftp.LsEntry firstComplete(List<ChannelSftp.LsEntry> entries, boolean doneFile)
            throws SftpSampleException {
        Set<String> names = entries.stream().map(ChannelSftp.LsEntry::getFilename).collect(Collectors.toSet());
        return entries.stream()
                .filter(entry -> entry.getAttrs().isReg())
                .filter(entry -> !EXCLUDED.matcher(entry.getFilename()).matches())
                .filter(entry -> !doneFile || names.contains(entry.getFilename() + ".done"))
                .min(Comparator.comparingLong((ChannelSftp.LsEntry entry) -> entry.getAttrs().getMTime())
                        .thenComparing(ChannelSftp.LsEntry::getFilename))
                .orElseThrow(() -> new SftpSampleException("sftp.sample.none"));
    }
}

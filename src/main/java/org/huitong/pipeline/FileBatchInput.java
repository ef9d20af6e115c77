package org.huitong.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.huitong.connectors.ConnectorDescriptor;
import org.huitong.connectors.FileDropSource;
import org.huitong.pipeline.read.RecordReader;
import org.huitong.pipeline.read.RecordReaders;

/**
 * A delivered file, read with the connector's file-drop parameters (format, charset, sheet,
 * delimiter).
 *
 * @param fileName the name the file was delivered under, shown in the batch list
 */
public record FileBatchInput(Path file, String fileName) implements BatchInput {

    @Override
    public String name() {
        return fileName;
    }

    @Override
    public String sha256() throws IOException {
        return sha256Of(file);
    }

    /** Returns the SHA-256 (hex) of a file's content, read as a stream. */
    public static String sha256Of(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public long size() throws IOException {
        return Files.size(file);
    }

    @Override
    public RecordReader open(ConnectorDescriptor connector) {
        return RecordReaders.open(file, FileDropSource.readOptions(connector.source().parameters()));
    }
}

package org.huitong.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold a secret so that only their owner can read them, where the file
 * system supports POSIX permissions. On other file systems, such as NTFS, the file gets the
 * folder's default permissions.
 */
public final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Replaces {@code file} with a new file holding {@code content}. The permissions are set when
     * the file is created, so the secret is never readable by others, not even briefly.
     */
    public static void write(Path file, String content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Files.deleteIfExists(file);
        if (supportsPosix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Returns true if others than the owner may read or write the file. */
    static boolean isOpenToOthers(Path file) throws IOException {
        if (!supportsPosix()) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.stream().anyMatch(permission -> !OWNER_READ_WRITE.contains(permission)
                && permission != PosixFilePermission.OWNER_EXECUTE);
    }

    private static boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

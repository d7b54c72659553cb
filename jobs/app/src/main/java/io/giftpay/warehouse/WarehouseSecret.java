package io.giftpay.warehouse;

import io.giftpay.config.GiftpayConfig;
import io.giftpay.privacy.IdentifierKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * The warehouse's identifier key ({@link IdentifierKey}): {@code
 * <warehouse>/_giftpay/secret/identifier.key}, or the file {@code giftpay.privacy.key-file} names
 * (so several warehouses can share one key). Created on first use with {@value
 * IdentifierKey#SECRET_BYTES} bytes from {@link SecureRandom}, readable by its owner only (file
 * {@code rw-------}, folder {@code rwx------}). Two processes creating it at once end with one key:
 * the new file appears complete under its name or not at all (a hard link from a private temporary
 * file, which fails if the name exists).
 */
public final class WarehouseSecret {
  static final String DEFAULT_FILE = "_giftpay/secret/identifier.key";
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private WarehouseSecret() {}

  /** The key of the warehouse at {@code layout}, created if it does not exist yet. */
  public static IdentifierKey identifierKey(WarehouseLayout layout, GiftpayConfig config) {
    return loadOrCreate(keyFile(layout, config));
  }

  /**
   * The key file: the setting, else {@code _giftpay/secret/identifier.key} in a local warehouse.
   */
  static Path keyFile(WarehouseLayout layout, GiftpayConfig config) {
    String setting = config.getOrNull(GiftpayConfig.PRIVACY_KEY_FILE);
    if (setting != null && !setting.isBlank()) {
      return Path.of(setting).toAbsolutePath();
    }
    URI root = layout.root().toUri();
    if (root.getScheme() != null && !root.getScheme().equals("file")) {
      throw new IllegalStateException(
          "Invalid "
              + GiftpayConfig.PRIVACY_KEY_FILE
              + ": not set, and the warehouse "
              + layout.root()
              + " is not on the local file system (set it to a local file only the warehouse's owner can read)");
    }
    return Path.of(root.getPath()).resolve(DEFAULT_FILE).toAbsolutePath();
  }

  static IdentifierKey loadOrCreate(Path file) {
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        create(file);
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read or create the identifier key file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void create(Path file) throws IOException {
    Path folder = file.getParent();
    if (posix()) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
      if (folder.endsWith("_giftpay/secret")) {
        Files.setPosixFilePermissions(
            folder, OWNER_FOLDER); // our own folder: owner only, whatever the umask
      }
    } else {
      Files.createDirectories(folder);
    }
    byte[] secret = new byte[IdentifierKey.SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    Path temp =
        posix()
            ? Files.createTempFile(
                folder,
                "." + file.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_FILE))
            : Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      Files.write(temp, secret, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      if (posix()) {
        Files.setPosixFilePermissions(temp, OWNER_FILE);
      }
      try {
        Files.createLink(file, temp); // fails if another process got there first: its key wins
      } catch (FileAlreadyExistsException raced) {
        // the other process's key is complete under the name: read it
      } catch (UnsupportedOperationException noHardLinks) {
        try {
          Files.write(
              file,
              secret,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException raced) {
          // as above
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static IdentifierKey read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Invalid key file " + file + ": not a regular file");
    }
    if (posix()) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(OTHERS::contains)) {
        throw new IllegalStateException(
            "Invalid key file " + file + ": readable by others (chmod 600 it)");
      }
    }
    byte[] secret = Files.readAllBytes(file);
    if (secret.length != IdentifierKey.SECRET_BYTES) {
      throw new IllegalStateException(
          "Invalid key file "
              + file
              + ": "
              + secret.length
              + " bytes (must be "
              + IdentifierKey.SECRET_BYTES
              + "; a missing file is created, a damaged one must be restored from backup)");
    }
    return new IdentifierKey(secret);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}

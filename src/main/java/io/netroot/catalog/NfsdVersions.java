package io.netroot.catalog;

import io.netroot.NetrootException;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NFS versions the running nfsd serves, as {@code <root>/proc/fs/nfsd/versions} shows them
 * ({@code -2 +3 +4 +4.1 +4.2}), compared with the versions the spec sets. nfsd reads {@code
 * nfs.conf} only when it starts, so a disagreement means the server was not restarted since the
 * settings changed (or someone changed them behind its back).
 *
 * <p>Only the versions the spec sets are compared. The content is those versions as nfsd writes
 * them, in the spec's order. {@link #write} does nothing to the file (it belongs to the kernel);
 * the fix is the NFS server restart this resource notifies. A missing file (nfsd not running, or a
 * root prefix without it) is nothing to compare: it counts as up to date, and the description says
 * so.
 *
 * <p>The description is decided when the file is observed, so it is only complete after {@link
 * #observe}; the engine reads it after that.
 */
public final class NfsdVersions extends BaseResource {

  /** Where the kernel shows nfsd's versions. */
  public static final String PATH = "/proc/fs/nfsd/versions";

  private final Map<String, Boolean> versions;
  private final String service;
  private String state = "";

  /**
   * @param versions the versions the spec sets, by the number nfsd uses ({@code 2}, {@code 4.1})
   * @param service the NFS server's service, restarted when the versions differ
   */
  public NfsdVersions(Map<String, Boolean> versions, String service, List<ResourceId> dependsOn) {
    super(
        idFor(),
        StateKind.SETTINGS,
        PATH,
        "NFS versions nfsd serves",
        dependsOn,
        List.of(ServiceAction.restart(service)));
    this.versions = new LinkedHashMap<>(versions);
    this.service = service;
  }

  /** The id: {@code nfsd:/proc/fs/nfsd/versions}. */
  public static ResourceId idFor() {
    return new ResourceId(ResourceId.Kind.NFSD, PATH);
  }

  @Override
  public String description() {
    return super.description() + state;
  }

  @Override
  public boolean backedUp() {
    return false;
  }

  @Override
  public Content desired() {
    return Content.text(format(versions));
  }

  @Override
  public Optional<Content> observe(RootFs root) {
    Path real = root.resolve(PATH);
    String text;
    try {
      text = Files.readString(real, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      state = ": " + PATH + " does not exist (nfsd not running?), nothing to compare";
      return Optional.of(desired());
    } catch (IOException e) {
      throw new NetrootException("cannot read " + PATH + ": " + e.getMessage(), e);
    }
    Map<String, Boolean> serving = parse(text);
    Map<String, Boolean> compared = new LinkedHashMap<>();
    for (String version : versions.keySet()) {
      if (serving.containsKey(version)) {
        compared.put(version, serving.get(version));
      }
    }
    String observed = format(compared);
    state =
        observed.equals(format(versions))
            ? ""
            : " (now "
                + text.strip()
                + ", not what nfs.conf asks for; restart "
                + service
                + " to apply it)";
    return Optional.of(Content.text(observed));
  }

  /** {@code -2 +3 +4 +4.1 +4.2} as version to enabled; {@code 4.0} counts as {@code 4}. */
  static Map<String, Boolean> parse(String text) {
    Map<String, Boolean> out = new HashMap<>();
    for (String token : text.strip().split("\\s+")) {
      if (token.length() < 2 || (token.charAt(0) != '+' && token.charAt(0) != '-')) {
        continue;
      }
      String version = token.substring(1);
      out.putIfAbsent(version.equals("4.0") ? "4" : version, token.charAt(0) == '+');
    }
    return out;
  }

  static String format(Map<String, Boolean> versions) {
    StringBuilder text = new StringBuilder();
    versions.forEach(
        (version, on) ->
            text.append(text.isEmpty() ? "" : " ").append(on ? '+' : '-').append(version));
    return text.append('\n').toString();
  }

  @Override
  public byte[] candidate(RootFs root, Content desired) {
    return desired.bytes();
  }

  /** Nothing is written: the file is the kernel's. The notified restart is the fix. */
  @Override
  public void write(RootFs root, Content desired) {}

  /** Nothing to remove: the file is the kernel's. */
  @Override
  public void remove(RootFs root) {}
}

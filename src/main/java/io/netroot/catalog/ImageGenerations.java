package io.netroot.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netroot.NetrootException;
import io.netroot.os.AtomicFile;
import io.netroot.os.FileModes;
import io.netroot.os.RootFs;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What netroot knows of the generations of one built root image, kept on the boot server under
 * {@code /var/lib/netroot/images/} (never inside the image, which its clients may write): each
 * generation's recipe, the package versions it got, its size and when it was built; which one is
 * live; and whether a rollback holds the live one against the specs.
 *
 * @param image the image's path on the boot server
 * @param live the id of the generation at the image's path
 * @param heldAgainst when a rollback made an older generation live: the recipe of the one rolled
 *     away from; while the specs still ask for that recipe, the image is not rebuilt
 * @param generations newest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageGenerations(
    String image, String live, String heldAgainst, List<Generation> generations) {

  /** The record files' directory on the boot server. */
  public static final String DIR = "/var/lib/netroot/images/";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ImageGenerations {
    generations = List.copyOf(generations);
  }

  /**
   * One build of the image.
   *
   * @param id when it was built, compact UTC ({@code 20261129T221500Z}), unique per image
   * @param built when it was built, ISO-8601
   * @param recipe what it was built from, as netroot's plan shows it
   * @param packages every package installed, with its version
   * @param bytes the size of its files
   */
  public record Generation(
      String id, String built, String recipe, Map<String, String> packages, long bytes) {}

  /** The live generation. */
  public Optional<Generation> liveGeneration() {
    return find(live);
  }

  /** The generation with this id. */
  public Optional<Generation> find(String id) {
    return generations.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /** The newest generation that is not live, if one is kept. */
  public Optional<Generation> previous() {
    return generations.stream().filter(g -> !g.id().equals(live)).findFirst();
  }

  /** A kept generation built from {@code recipe}, newest first. */
  public Optional<Generation> builtFrom(String recipe) {
    return generations.stream().filter(g -> g.recipe().equals(recipe)).findFirst();
  }

  /** These generations with {@code g} live and first, keeping at most {@code keep} in all. */
  ImageGenerations withLive(Generation g, int keep) {
    List<Generation> list = new ArrayList<>();
    list.add(g);
    generations.stream().filter(o -> !o.id().equals(g.id())).forEach(list::add);
    return new ImageGenerations(image, g.id(), null, list.subList(0, Math.min(keep, list.size())));
  }

  /** These generations with kept generation {@code id} live, held against {@code recipe}. */
  public ImageGenerations rolledBackTo(String id, String recipe) {
    return new ImageGenerations(image, id, recipe, generations);
  }

  /** The record of the image at {@code imagePath}, if netroot built it. */
  public static Optional<ImageGenerations> read(RootFs root, String imagePath) {
    try {
      return Optional.of(
          JSON.readValue(Files.readAllBytes(file(root, imagePath)), ImageGenerations.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NetrootException(
          "cannot read the build record of root image " + imagePath + ": " + e.getMessage(), e);
    }
  }

  /** Writes this record, replacing the last one in one rename. */
  public void write(RootFs root) {
    try {
      Path file = file(root, image);
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, JSON.writeValueAsBytes(this), FileModes.parse("0644"));
    } catch (IOException e) {
      throw new NetrootException(
          "cannot write the build record of root image " + image + ": " + e.getMessage(), e);
    }
  }

  private static Path file(RootFs root, String imagePath) {
    String name = URLEncoder.encode(imagePath.substring(1), StandardCharsets.UTF_8);
    return root.resolve(DIR + name + ".generations.json");
  }
}

package io.netroot.importer;

import io.netroot.adopt.PxelinuxConfig;

/**
 * One pxelinux entry on its way to a Profile: where it is, what it boots (its {@link
 * io.netroot.adopt.PxelinuxBoot#entry description}), the command line read, and the documents made
 * for it, or why none could be.
 */
final class ProfilePlan {

  final String entry;
  final String configPath;
  final PxelinuxConfig.Label label;
  final String where;
  AppendLine append;
  int ipappend;
  boolean inMenu;
  String problem;
  SpecDoc profile;
  SpecDoc kernel;
  SpecDoc rootImage;

  /**
   * @param entry what the entry boots, described
   * @param configPath the TFTP path of the file it is in
   * @param where {@code FILE:LINE} of its {@code LABEL}
   */
  ProfilePlan(String entry, String configPath, PxelinuxConfig.Label label, String where) {
    this.entry = entry;
    this.configPath = configPath;
    this.label = label;
    this.where = where;
  }

  /** Whether a Profile is written for it. */
  boolean imported() {
    return problem == null && profile != null && profile.dropped() == null;
  }

  /** Why it is not imported: its own problem, or its documents' drop reason. */
  String whyNot() {
    if (problem != null) {
      return problem;
    }
    for (SpecDoc d : new SpecDoc[] {profile, kernel, rootImage}) {
      if (d != null && d.dropped() != null) {
        return d + ": " + d.dropped();
      }
    }
    return null;
  }
}

package io.netroot.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The user and group netroot runs as, and the names of users and groups by number, for messages
 * ({@code nobody:root}). A number this machine has no name for is shown as the number.
 */
final class AccountNames {

  /** The calls Java has no API for; {@code getpwuid} and {@code getgrgid} are not reentrant. */
  interface Accounts extends Library {
    int geteuid();

    int getegid();

    /** A {@code struct passwd}, whose first field is {@code pw_name}; null when unknown. */
    Pointer getpwuid(int uid);

    /** A {@code struct group}, whose first field is {@code gr_name}; null when unknown. */
    Pointer getgrgid(int gid);
  }

  private AccountNames() {}

  /** The effective user: the owner of every file this process creates. */
  static int processUid() {
    return Holder.UID;
  }

  /** The effective group: the group of every file this process creates outside set-gid dirs. */
  static int processGid() {
    return Holder.GID;
  }

  /**
   * The name of a user, looked up each time: names are only wanted for messages about a mode or
   * owner change, and a long-running agent must see accounts added after it started.
   */
  static String user(int uid) {
    return lookUpUser(uid);
  }

  /** The name of a group, looked up each time, as {@link #user}. */
  static String group(int gid) {
    return lookUpGroup(gid);
  }

  private static synchronized String lookUpUser(int uid) {
    return nameAt(Holder.C.getpwuid(uid), uid);
  }

  private static synchronized String lookUpGroup(int gid) {
    return nameAt(Holder.C.getgrgid(gid), gid);
  }

  private static String nameAt(Pointer entry, int number) {
    if (entry == null) {
      return Integer.toString(number);
    }
    Pointer name = entry.getPointer(0);
    return name == null ? Integer.toString(number) : name.getString(0);
  }

  /** Loaded on first use; the process's user and group do not change while it runs. */
  private static final class Holder {
    static final Accounts C = Native.load("c", Accounts.class);
    static final int UID = C.geteuid();
    static final int GID = C.getegid();

    private Holder() {}
  }
}

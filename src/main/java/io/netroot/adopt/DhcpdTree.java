package io.netroot.adopt;

import io.netroot.NetrootException;
import io.netroot.adopt.DhcpdConf.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dhcpd.conf as dhcpd reads it: its statements with each {@code include "FILE";} replaced by the
 * statements of that file, in place, every statement knowing the file and line it comes from and
 * the block it is in. Include files are read inside the root prefix ({@link ServerFiles}); a
 * relative name is taken from {@code /}, dhcpd's working directory as a daemon.
 */
public final class DhcpdTree {

  /** How deep includes may nest before the reading stops (dhcpd has no limit; loops do). */
  static final int MAX_DEPTH = 16;

  private final String mainFile;
  private final boolean found;
  private final List<Node> top;
  private final List<String> problems;

  private DhcpdTree(String mainFile, boolean found, List<Node> top, List<String> problems) {
    this.mainFile = mainFile;
    this.found = found;
    this.top = top;
    this.problems = problems;
  }

  /**
   * One statement where dhcpd reads it. Identity is the object's: a node knows its parent and its
   * children.
   */
  public static final class Node {
    private final Statement statement;
    private final String file;
    private final Node parent;
    private final List<Node> children = new ArrayList<>();

    Node(Statement statement, String file, Node parent) {
      this.statement = statement;
      this.file = file;
      this.parent = parent;
    }

    /** The statement as parsed. */
    public Statement statement() {
      return statement;
    }

    /** The server path of the file it is written in. */
    public String file() {
      return file;
    }

    /** The block it is in, or {@code null} at the top. */
    public Node parent() {
      return parent;
    }

    /** Its block's statements (includes expanded); empty for a simple statement. */
    public List<Node> children() {
      return Collections.unmodifiableList(children);
    }

    /** The first word, lowercase. */
    public String keyword() {
      return statement.keyword();
    }

    /** Whether it is a block. */
    public boolean block() {
      return statement.block();
    }

    /** Word {@code i}, or empty. */
    public Optional<String> word(int i) {
      return statement.word(i);
    }

    /** {@code FILE:LINE}, for people. */
    public String where() {
      return file + ":" + statement.line();
    }

    /** The direct children with {@code keyword}. */
    public List<Node> all(String keyword) {
      return children.stream().filter(c -> c.keyword().equals(keyword)).toList();
    }

    /** The nearest enclosing block with {@code keyword}, or {@code null}. */
    public Node enclosing(String keyword) {
      for (Node p = parent; p != null; p = p.parent) {
        if (p.keyword().equals(keyword)) {
          return p;
        }
      }
      return null;
    }

    /** Every block below this one, depth first, in file order. */
    public List<Node> blocksBelow() {
      List<Node> out = new ArrayList<>();
      collect(children, out);
      return out;
    }

    @Override
    public String toString() {
      return statement.head() + " (" + where() + ")";
    }
  }

  /**
   * Reads {@code confPath} and what it includes. A file that is missing, unreadable or not
   * dhcpd.conf syntax is a problem (kept in {@link #problems}); what could be read is kept.
   */
  public static DhcpdTree read(ServerFiles files, String confPath) {
    List<String> problems = new ArrayList<>();
    Reader reader = new Reader(files, problems);
    List<Node> top = reader.file(confPath, null, 0, null);
    return new DhcpdTree(
        confPath, top != null, top == null ? List.of() : top, List.copyOf(problems));
  }

  /** Whether the main file was there and read. */
  public boolean found() {
    return found;
  }

  /** The server path of the main file. */
  public String mainFile() {
    return mainFile;
  }

  /** The top-level statements. */
  public List<Node> top() {
    return top;
  }

  /** What could not be read, each starting with {@code FILE:LINE:} or {@code FILE:}. */
  public List<String> problems() {
    return problems;
  }

  /** Every block in the configuration, depth first, in file order. */
  public List<Node> blocks() {
    List<Node> out = new ArrayList<>();
    collect(top, out);
    return out;
  }

  /** Every block with {@code keyword}, in file order. */
  public List<Node> blocks(String keyword) {
    return blocks().stream().filter(n -> n.keyword().equals(keyword)).toList();
  }

  private static void collect(List<Node> nodes, List<Node> out) {
    for (Node n : nodes) {
      if (n.block()) {
        out.add(n);
        collect(n.children(), out);
      }
    }
  }

  /** Reads files, expanding includes, remembering which files are open to stop a loop. */
  private static final class Reader {
    final ServerFiles files;
    final List<String> problems;
    final Set<String> open = new HashSet<>();

    Reader(ServerFiles files, List<String> problems) {
      this.files = files;
      this.problems = problems;
    }

    /** The statements of one file as children of {@code parent}, or {@code null} if unread. */
    List<Node> file(String path, Node parent, int depth, String includedAt) {
      String from = includedAt == null ? path : includedAt;
      if (depth > MAX_DEPTH) {
        problems.add(from + ": includes nest deeper than " + MAX_DEPTH + "; " + path + " not read");
        return null;
      }
      Optional<ServerFiles.Read> read;
      try {
        read = files.read(path);
      } catch (NetrootException e) {
        problems.add(from + ": " + e.getMessage());
        return null;
      }
      if (read.isEmpty()) {
        problems.add(from + ": " + path + " does not exist");
        return null;
      }
      String resolved = read.get().resolved();
      if (!open.add(resolved)) {
        problems.add(from + ": " + path + " includes itself (through " + resolved + ")");
        return null;
      }
      try {
        DhcpdConf conf = DhcpdConf.parse(read.get().text());
        return nodes(conf.statements(), path, parent, depth);
      } catch (DhcpdConf.SyntaxException e) {
        problems.add(path + ":" + e.getMessage().replaceFirst("^line ", ""));
        return null;
      } finally {
        open.remove(resolved);
      }
    }

    private List<Node> nodes(List<Statement> statements, String file, Node parent, int depth) {
      List<Node> out = new ArrayList<>();
      for (Statement s : statements) {
        if (!s.block() && s.keyword().equals("include") && s.words().size() == 2) {
          String name = s.word(1).get();
          String path = name.startsWith("/") ? name : "/" + name;
          List<Node> included = file(path, parent, depth + 1, file + ":" + s.line());
          if (included != null) {
            out.addAll(included);
          }
          continue;
        }
        Node node = new Node(s, file, parent);
        if (s.block()) {
          node.children.addAll(nodes(s.children(), file, node, depth));
        }
        out.add(node);
      }
      return out;
    }
  }
}

package io.netroot.adopt;

import io.netroot.adopt.DhcpScopes.Setting;
import io.netroot.adopt.DhcpScopes.State;
import io.netroot.adopt.DhcpdTree.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one scope of dhcpd.conf (a host, group, class, subnet, the top) sets for a client: its
 * simple statements, a later one winning, and its {@code if}/{@code elsif}/{@code else} chains
 * evaluated with {@link DhcpCondition}. The declarations in a scope (thousands of hosts at the top)
 * set nothing in it, and are left out once.
 */
final class ScopeStatements {

  private final Set<String> archNames;
  private final Map<Node, List<Node>> settable = new IdentityHashMap<>();
  private final List<Node> top;

  ScopeStatements(List<Node> top, Set<String> archNames) {
    this.archNames = archNames;
    this.top = settable(top);
  }

  /** The parameter at the top of the file. */
  Setting findAtTop(String param, DhcpClient client) {
    return find(param, top, client);
  }

  Truth membership(Node classBlock, DhcpClient client) {
    Truth member = Truth.FALSE;
    for (Node s : classBlock.children()) {
      if (!s.block() && s.keyword().equals("match")) {
        member =
            s.word(1).orElse("").equalsIgnoreCase("if")
                ? DhcpCondition.evaluate(s.statement().words(), 2, client, archNames)
                : Truth.UNKNOWN;
      }
    }
    return member;
  }

  /**
   * The statements of a scope that can set a parameter: a scope may hold thousands of declarations
   * (hosts at the top, in a group), which set nothing in it.
   */
  private static List<Node> settable(List<Node> statements) {
    return statements.stream()
        .filter(n -> !n.block() || n.keyword().equals("if") || isElse(n))
        .toList();
  }

  /** The parameter in a scope block's statements. */
  Setting find(String param, Node scope, DhcpClient client) {
    return find(param, settable.computeIfAbsent(scope, n -> settable(n.children())), client);
  }

  /** The parameter in one scope's statements; a later statement wins over an earlier one. */
  private Setting find(String param, List<Node> statements, DhcpClient client) {
    Setting found = Setting.UNSET;
    for (int i = 0; i < statements.size(); i++) {
      Node s = statements.get(i);
      if (!s.block()) {
        Setting set = sets(s, param);
        found = set == null ? found : set;
        continue;
      }
      if (!s.keyword().equals("if")) {
        continue;
      }
      int end = i + 1;
      while (end < statements.size() && isElse(statements.get(end))) {
        end++;
      }
      Setting chain = chain(param, statements.subList(i, end), client);
      found = chain.state() == State.UNSET ? found : chain;
      i = end - 1;
    }
    return found;
  }

  private static boolean isElse(Node s) {
    return s.block() && (s.keyword().equals("else") || s.keyword().equals("elsif"));
  }

  /** An {@code if}, {@code elsif}/{@code else if} and {@code else} chain. */
  private Setting chain(String param, List<Node> branches, DhcpClient client) {
    boolean uncertain = false;
    Node doubt = null;
    for (Node b : branches) {
      Truth t = branchTruth(b, client);
      if (t == Truth.FALSE) {
        continue;
      }
      Setting inner = find(param, b.children(), client);
      if (t == Truth.UNKNOWN) {
        if (inner.state() != State.UNSET) {
          uncertain = true;
          doubt = doubt == null ? b : doubt;
        }
        continue;
      }
      return uncertain ? new Setting(State.UNKNOWN, List.of(), doubt) : inner;
    }
    return uncertain ? new Setting(State.UNKNOWN, List.of(), doubt) : Setting.UNSET;
  }

  private Truth branchTruth(Node b, DhcpClient client) {
    List<DhcpdConf.Word> words = b.statement().words();
    if (b.keyword().equals("else")) {
      if (words.size() == 1) {
        return Truth.TRUE;
      }
      return words.get(1).text().equalsIgnoreCase("if")
          ? DhcpCondition.evaluate(words, 2, client, archNames)
          : Truth.UNKNOWN;
    }
    return DhcpCondition.evaluate(words, 1, client, archNames);
  }

  /** The setting a simple statement makes of {@code param}, or {@code null}. */
  static Setting sets(Node s, String param) {
    List<DhcpdConf.Word> words = s.statement().words();
    int from;
    if (param.startsWith("option ")) {
      if (!s.keyword().equals("option")
          || !s.word(1).orElse("").equalsIgnoreCase(param.substring(7))) {
        return null;
      }
      if (s.word(2).orElse("").equalsIgnoreCase("code")) {
        return null;
      }
      from = 2;
    } else {
      if (!s.keyword().equals(param)) {
        return null;
      }
      from = 1;
    }
    if (words.size() > from && words.get(from).text().equals("=") && !words.get(from).quoted()) {
      return new Setting(State.UNKNOWN, List.of(), s);
    }
    List<String> values = new ArrayList<>();
    for (DhcpdConf.Word w : words.subList(Math.min(from, words.size()), words.size())) {
      if (!(w.text().equals(",") && !w.quoted())) {
        values.add(w.text());
      }
    }
    return new Setting(State.SET, List.copyOf(values), s);
  }
}

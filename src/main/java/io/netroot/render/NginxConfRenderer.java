package io.netroot.render;

import io.netroot.spec.BootServer;

/**
 * netroot's nginx drop-in ({@code /etc/nginx/conf.d/netroot.conf}, read inside the {@code http}
 * block of Debian's and Fedora's {@code nginx.conf}), a file netroot owns whole: one {@code server}
 * that serves the HTTP root read-only to iPXE.
 *
 * <ul>
 *   <li>{@code listen PORT} on every address ({@code nginx -t} binds what it checks, so an address
 *       not up yet would fail the check), and {@code server_name} the address of the URLs iPXE is
 *       given: iPXE sends it as {@code Host}, so this server answers them even beside a {@code
 *       default_server} of the admin's on the same port;
 *   <li>GET and HEAD only ({@code limit_except GET}), no directory listing, no file reached through
 *       a symbolic link ({@code disable_symlinks on}), no dot file (netroot's unfinished writes are
 *       {@code .NAME.netroot-…}), nothing but files that exist ({@code try_files $uri =404}).
 * </ul>
 *
 * <p>Only the port, an address and the root path go into it; the root is a server path (no blank,
 * quote, {@code ;}, {@code $} or brace: {@code ServerPath}) and checked again here.
 */
public final class NginxConfRenderer {

  static final String FILE = "nginx drop-in";

  private static final SafeText.Rule PATH =
      c ->
          c > ' ' && c < 0x7f && "\"';{}$#\\".indexOf(c) < 0
              ? null
              : "'" + c + "' (" + SafeText.codePoint(c) + ") would end nginx's root directive";

  private final BootServer server;

  public NginxConfRenderer(BootServer server) {
    this.server = server;
  }

  /**
   * The whole file; every line ends with {@code \n}.
   *
   * @throws UnsafeValueException when the root cannot be written as one nginx word
   */
  public String file() {
    BootServer.Http http = server.http();
    String root = SafeText.check(server, "spec.http.root", http.root(), FILE, PATH);
    return """
        # managed by netroot, edit the specs: changes here are reverted
        # iPXE's scripts, kernels and initrds, served read-only from the HTTP root
        server {
            listen %1$d;
            server_name %2$s;
            root %3$s;
            autoindex off;
            disable_symlinks on;
            location / {
                limit_except GET {
                    deny all;
                }
                try_files $uri =404;
            }
            location ~ /\\. {
                deny all;
            }
        }
        """
        .formatted(http.port(), http.address(), root);
  }
}

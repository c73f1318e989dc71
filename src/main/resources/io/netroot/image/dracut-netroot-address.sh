#!/bin/sh
# Written by netroot: dhclient gave this node's address the lifetime of its
# DHCP lease, and dracut stops dhclient (cleanup hook 10) before the switch to
# the real root, where nothing renews the lease: the address, and the NFS root
# with it, would go when the lease ends. It is kept for good here, as klibc's
# ipconfig leaves it with initramfs-tools. Sourced by dracut: no exit.

type warn > /dev/null 2>&1 || . /lib/dracut-lib.sh

netroot_keep_addresses() {
    local netroot_skip netroot_dev netroot_addr
    ip -4 -o addr show scope global dynamic | while read -r netroot_skip netroot_dev netroot_skip netroot_addr netroot_skip; do
        ip addr change "$netroot_addr" dev "$netroot_dev" valid_lft forever preferred_lft forever \
            || warn "netroot: cannot keep $netroot_addr of $netroot_dev past its DHCP lease"
    done
}

netroot_keep_addresses
unset -f netroot_keep_addresses

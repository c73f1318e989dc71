#!/bin/bash
# Written by netroot: its dracut module for a node whose root is mounted over
# NFS. Its cleanup hook (netroot-address.sh) keeps the node's DHCP address
# after dhclient is stopped.

# only when asked for (add_dracutmodules in /etc/dracut.conf.d/netroot.conf)
check() {
    return 255
}

depends() {
    echo network
    return 0
}

install() {
    inst_multiple ip
    inst_hook cleanup 20 "$moddir/netroot-address.sh"
}

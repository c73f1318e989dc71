#!/bin/bash
# Written by netroot: its dracut module for the per-node writable layer over
# the read-only NFS root, mounted by the pre-pivot hook netroot-overlay.sh.

# only when asked for (add_dracutmodules in /etc/dracut.conf.d/netroot-overlay.conf)
check() {
    return 255
}

depends() {
    echo nfs
    return 0
}

installkernel() {
    hostonly='' instmods overlay
}

install() {
    inst_multiple mkdir mount umount modprobe
    inst_hook pre-pivot 50 "$moddir/netroot-overlay.sh"
}

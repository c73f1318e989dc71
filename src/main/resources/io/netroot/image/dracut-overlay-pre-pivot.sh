#!/bin/sh
# Written by netroot: the root filesystem is mounted read-only over NFS and
# shared by every node. Here, before the switch to it, it becomes the lower
# layer of an overlay whose upper layer is a tmpfs of this node alone, so the
# node can write to /etc, /var and /tmp while nothing it writes reaches the
# image or other nodes.
# netroot.overlay=no on the kernel command line leaves the root as mounted;
# netroot.overlay.size=SIZE sets the tmpfs size (default 50% of memory).
# Sourced by dracut's pre-pivot hook: it returns, never exits, and stops the
# boot with die when the overlay cannot be made.

type getarg > /dev/null 2>&1 || . /lib/dracut-lib.sh

netroot_overlay() {
    local netroot_skip netroot_mnt netroot_type netroot_fs="" netroot_size layers=/run/netroot
    while read -r netroot_skip netroot_mnt netroot_type netroot_skip; do
        [ "$netroot_mnt" = "$NEWROOT" ] && netroot_fs=$netroot_type
    done < /proc/self/mounts
    case "$netroot_fs" in
        nfs | nfs4) ;;
        *) return 0 ;;
    esac
    getargbool 1 netroot.overlay || return 0
    netroot_size=$(getarg netroot.overlay.size=)
    [ -n "$netroot_size" ] || netroot_size=50%

    modprobe overlay || die "netroot: the kernel has no overlay module"
    mkdir -p "$layers/shared" "$layers/node"
    mount -t tmpfs -o "mode=0755,size=$netroot_size" netroot-node "$layers/node" \
        || die "netroot: cannot mount the tmpfs of this node (netroot.overlay.size=$netroot_size)"
    mkdir -p "$layers/node/upper" "$layers/node/work"
    # /run moves into the new root at the switch, so both layers stay visible
    # there (as /run/netroot/shared and /run/netroot/node). systemd has made
    # the initramfs's mounts shared, and the kernel moves no mount out of a
    # shared one: the NFS root is bound aside and unmounted instead.
    mount --bind "$NEWROOT" "$layers/shared" \
        || die "netroot: cannot put the NFS root aside at $layers/shared"
    umount "$NEWROOT" \
        || die "netroot: cannot unmount the NFS root from $NEWROOT to mount the overlay there"
    if ! mount -t overlay \
        -o "lowerdir=$layers/shared,upperdir=$layers/node/upper,workdir=$layers/node/work" \
        netroot-root "$NEWROOT"; then
        mount --bind "$layers/shared" "$NEWROOT"
        die "netroot: cannot mount the overlay root"
    fi
    info "netroot: / is the shared image (read-only, NFS) under a tmpfs of this node"
}

netroot_overlay
unset -f netroot_overlay

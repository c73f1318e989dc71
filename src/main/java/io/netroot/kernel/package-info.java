/**
 * What a kernel says about itself: the release string in a bzImage's boot header and the options of
 * its build configuration. Pure parsing of files on this machine; nothing here knows about specs.
 */
package io.netroot.kernel;

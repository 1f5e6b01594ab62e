#!/bin/sh
# chatwire @VERSION@: the ChatWire command line tool. The rest of this file is the
# tool's jar; `chatwire --help` lists the options.
#
# Java: $JAVA_HOME/bin/java, else java on the PATH (17 or later). Startup: C1 only
# (-XX:TieredStopAtLevel=1) and, after the first run, a class-data archive (AppCDS) kept in
# ${XDG_CACHE_HOME:-~/.cache}/chatwire; CHATWIRE_CDS=0 turns the archive off,
# CHATWIRE_JAVA_OPTS adds JVM options.
self=$0
case $self in /*) ;; *) self=$PWD/$self ;; esac
if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java=$JAVA_HOME/bin/java
else
  java=$(command -v java) || { echo "chatwire: no java found: set JAVA_HOME or put java (17+) on the PATH" >&2; exit 2; }
fi
opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m -Xlog:disable -Xlog:all=error:stderr"
if [ "${CHATWIRE_CDS:-1}" != 0 ]; then
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/chatwire
  # One archive per build of the tool, place of this file, and java binary (its path, size and
  # date): an archive is never read by another JVM or with another jar.
  id=$(printf '%s|%s|%s' '@BUILD@' "$self" "$(ls -lL "$java")" | cksum | cut -d' ' -f1)
  jsa=$cache/chatwire-$id.jsa
  if [ -f "$jsa" ]; then
    opts="$opts -XX:SharedArchiveFile=$jsa"
  elif [ ! -f "$jsa.failed" ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
    # Record the archive in the background from a training run, and install it only once a JVM
    # has started with it (-Xshare:on fails on an archive it cannot use); this run goes on as
    # usual meanwhile. A failure is remembered, so it is not tried again on every run.
    tmp=$jsa.$$.tmp
    ( cd "$cache" && "$java" $opts -XX:ArchiveClassesAtExit="$tmp" -cp "$self" \
          dev.chatwire.cli.Training \
        && "$java" $opts -Xshare:on -XX:SharedArchiveFile="$tmp" -cp "$self" \
          dev.chatwire.cli.ChatWireCli --version \
        && mv -f "$tmp" "$jsa" || { rm -f "$tmp"; : > "$jsa.failed"; } ) </dev/null >/dev/null 2>&1 &
  fi
fi
exec "$java" $opts $CHATWIRE_JAVA_OPTS -cp "$self" dev.chatwire.cli.ChatWireCli "$@"
exit 2

# Shared by the benchmark and reliability scripts: start a portal on its own data directory
# and ports, find its processes, stop it. Sourced, not run.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA="${JAVA_HOME:?run through ./sealpost, which picks the JDK}/bin/java"
BENCH_CP="$ROOT/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*"

ensure_built() {
  if [ ! -f "$ROOT/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar" ] || [ ! -f "$ROOT/launcher/target/portal.war" ]; then
    (cd "$ROOT" && mvn -B -ntp -q -DskipTests package)
  fi
}

# start_portal DATA_DIR HTTP_PORT SMTP_PORT LOG: the portal in the background, waits until ready.
# The whole log (Payara's, PostgreSQL's: kill-check greps its recovery lines) goes to LOG, as
# it did before the quiet console, and the figures stay comparable with earlier runs.
start_portal() {
  SEALPOST_LOG_CONSOLE="${SEALPOST_LOG_CONSOLE:-full}" \
  SEALPOST_DATA_DIR="$1" SEALPOST_HTTP_PORT="$2" SEALPOST_SMTP_PORT="$3" \
    "$ROOT/sealpost" run >"$4" 2>&1 &
  PORTAL_LAUNCHER=$!
  i=0
  until curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; do
    i=$((i + 1))
    # BENCH_READY_SECONDS (or BENCH_READY_POLLS, 5 a second): a machine busy with other builds can take longer than 2 minutes.
    if [ $i -gt "${BENCH_READY_POLLS:-$(( ${BENCH_READY_SECONDS:-300} * 5 ))}" ] || ! kill -0 "$PORTAL_LAUNCHER" 2>/dev/null; then
      echo "portal did not become ready; see $4" >&2
      # Not left running: it would hold the ports of the next start.
      stop_portal
      return 1
    fi
    sleep 0.2
  done
}

# The Payara Micro JVM serving DATA_DIR.
payara_pid() {
  pgrep -f "payara-micro.jar" | while read -r pid; do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dsealpost.data.dir=$1 "; then echo "$pid"; fi
  done | head -n 1
}

postgres_pid() {
  head -n 1 "$1/postgres/postmaster.pid" 2>/dev/null || true
}

stop_portal() {
  kill -TERM "$PORTAL_LAUNCHER" 2>/dev/null || true
  wait "$PORTAL_LAUNCHER" 2>/dev/null || true
}

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA" -version 2>&1 | head -n 1); $(date -u +%Y-%m-%dT%H:%MZ)"
}
